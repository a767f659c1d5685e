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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code missed_fires} (each missed fire once, with the catch-up it started) and the runs of the
 * ledger that cover fires: the starts of a job's runs other than SKIPPED and dry runs.
 */
@ApplicationScoped
public class MissedFireGateway {

    private final AgroalDataSource dataSource;

    public MissedFireGateway(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The job's runs that count for a fire, started (or scheduled) in {@code [from, until]}. */
    List<MissedFireRule.RunStart> runStarts(JobId job, Instant from, Instant until) {
        String sql = """
                select started_at, scheduled_at from job_runs
                where job_id = ? and status <> 'SKIPPED' and trigger <> 'DRY_RUN'
                  and (started_at between ? and ? or scheduled_at between ? and ?)
                """;
        List<MissedFireRule.RunStart> runs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, job.id());
            select.setTimestamp(2, Timestamp.from(from));
            select.setTimestamp(3, Timestamp.from(until));
            select.setTimestamp(4, Timestamp.from(from));
            select.setTimestamp(5, Timestamp.from(until));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp scheduled = rows.getTimestamp(2);
                    runs.add(new MissedFireRule.RunStart(
                            rows.getTimestamp(1).toInstant(), scheduled == null ? null : scheduled.toInstant()));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw SqlArrays.failure("reading the runs of " + job, e);
        }
    }

    /** Whether a run of the job that counts for a fire started after {@code instant}. */
    boolean ranSince(JobId job, Instant instant) {
        String sql = "select exists (select 1 from job_runs where job_id = ? and status <> 'SKIPPED'"
                + " and trigger <> 'DRY_RUN' and started_at > ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, job.id());
            select.setTimestamp(2, Timestamp.from(instant));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        } catch (SQLException e) {
            throw SqlArrays.failure("reading the latest run of " + job, e);
        }
    }

    /**
     * Records missed fires, each once: one statement, {@code on conflict do nothing}.
     *
     * @return the fires this call recorded (those another detection recorded first are not among them)
     */
    List<Instant> record(JobId job, List<Instant> fires, Instant detectedAt) {
        if (fires.isEmpty()) {
            return List.of();
        }
        String sql = """
                insert into missed_fires (job_id, fire_time, detected_at)
                select ?, fire, ? from unnest(?::timestamptz[]) as fire
                on conflict (job_id, fire_time) do nothing
                returning fire_time
                """;
        List<Instant> recorded = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, job.id());
            insert.setTimestamp(2, Timestamp.from(detectedAt));
            insert.setArray(
                    3,
                    connection.createArrayOf(
                            "timestamptz", fires.stream().map(Timestamp::from).toArray()));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    recorded.add(rows.getTimestamp(1).toInstant());
                }
            }
            recorded.sort(null);
            return recorded;
        } catch (SQLException e) {
            throw SqlArrays.failure("recording the missed fires of " + job, e);
        }
    }

    /** Names the catch-up run a missed fire started. */
    void caughtUpBy(JobId job, Instant fire, UUID runId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update missed_fires set catch_up_run = ? where job_id = ? and fire_time = ?")) {
            update.setObject(1, runId);
            update.setString(2, job.id());
            update.setTimestamp(3, Timestamp.from(fire));
            update.executeUpdate();
        } catch (SQLException e) {
            throw SqlArrays.failure("recording the catch-up of " + job, e);
        }
    }
}
