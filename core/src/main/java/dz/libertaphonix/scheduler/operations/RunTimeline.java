package dz.libertaphonix.scheduler.operations;

import dz.libertaphonix.scheduler.orders.SqlArrays;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The runs of a time window, oldest first, in the few fields a timeline draws. */
@ApplicationScoped
public class RunTimeline {

    /** The most runs one window answers: 30 days of an import every 15 minutes, and the other jobs. */
    public static final int MOST_RUNS = 5000;

    /**
     * @param error the error's message for a failed run, the skip reason for a skipped one
     */
    public record TimelineRun(
            UUID id,
            String job,
            String trigger,
            String status,
            OffsetDateTime startedAt,
            OffsetDateTime endedAt,
            String error) {}

    private final AgroalDataSource dataSource;

    public RunTimeline(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<TimelineRun> between(Instant from, Instant to) {
        try (Connection connection = dataSource.getConnection()) {
            return new Sql(connection)
                    .list(
                            """
                            select id, job_id, trigger, status, started_at, ended_at,
                                   coalesce(error ->> 'message', skip_reason)
                              from job_runs where started_at >= ? and started_at < ?
                             order by started_at limit ?
                            """,
                            row -> new TimelineRun(
                                    Sql.uuid(row, 1),
                                    row.getString(2),
                                    row.getString(3),
                                    row.getString(4),
                                    Sql.time(row, 5),
                                    Sql.time(row, 6),
                                    row.getString(7)),
                            from,
                            to,
                            MOST_RUNS);
        } catch (SQLException e) {
            throw SqlArrays.failure("reading the run timeline", e);
        }
    }
}
