package dz.libertaphonix.scheduler.runs.missed;

import dz.libertaphonix.scheduler.orders.SqlArrays;
import dz.libertaphonix.scheduler.runs.JobId;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code schedule_history}: a job's schedule as it stood at each moment (its rows are written by a
 * trigger on {@code schedules}, whoever changes them).
 */
@ApplicationScoped
public class ScheduleHistoryGateway {

    private final AgroalDataSource dataSource;

    public ScheduleHistoryGateway(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The job's schedule over {@code [from, until)}: the row in force at {@code from} and every later change. */
    List<ScheduleSegment> segments(JobId job, Instant from, Instant until) {
        String sql = """
                select cron, time_zone, enabled, effective_from from schedule_history
                where job_id = ? and effective_from < ?
                  and effective_from >= coalesce((select max(effective_from) from schedule_history
                                                  where job_id = ? and effective_from <= ?), '-infinity')
                order by effective_from, id
                """;
        record Row(String cron, String zone, boolean enabled, Instant from) {}
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, job.id());
            select.setTimestamp(2, Timestamp.from(until));
            select.setString(3, job.id());
            select.setTimestamp(4, Timestamp.from(from));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(
                            result.getString(1),
                            result.getString(2),
                            result.getBoolean(3),
                            result.getTimestamp(4).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw SqlArrays.failure("reading the schedule history of " + job, e);
        }
        List<ScheduleSegment> segments = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Instant next = i + 1 < rows.size() ? rows.get(i + 1).from() : null;
            segments.add(new ScheduleSegment(row.cron(), zone(row.zone()), row.enabled(), row.from(), next));
        }
        return segments;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneId.of("Africa/Algiers");
        }
    }
}
