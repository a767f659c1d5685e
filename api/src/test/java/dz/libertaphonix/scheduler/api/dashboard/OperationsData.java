package dz.libertaphonix.scheduler.api.dashboard;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Orders, status events, quarantined orders and runs written as the jobs write them (plain SQL into
 * the real tables), and the figures the dashboard must show, counted by the test's own statements.
 */
@ApplicationScoped
public class OperationsData {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final AgroalDataSource dataSource;

    public OperationsData(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An order of the store imported at {@code importedAt}, PENDING and unassigned unless an agent is given. */
    public long order(long storeId, String status, Instant importedAt, Long agentId) {
        long n = SEQUENCE.incrementAndGet();
        long customer = insert(
                "insert into customers (full_name, phone) values (?, ?) returning id",
                "Yacine Haddad",
                "05" + String.format("%08d", n % 100_000_000));
        return insert(
                """
                insert into orders (store_id, ecomanager_id, reference, customer_id, status, total, imported_at,
                                    assigned_agent_id, assigned_at, ordered_at)
                values (?, ?, ?, ?, ?, 4000, ?, ?, ?, ?) returning id
                """,
                storeId,
                n,
                "OPS-" + n,
                customer,
                status,
                Timestamp.from(importedAt),
                agentId,
                agentId == null ? null : Timestamp.from(importedAt),
                Timestamp.from(importedAt));
    }

    /** A status event of the order, as the shipping sync or the import writes it. */
    public void event(long orderId, String source, String from, String to, Instant at, UUID runId) {
        insert("""
                insert into order_status_events (order_id, source, from_status, to_status, run_id, occurred_at, details)
                values (?, ?, ?, ?, ?, ?, '{"by":"test"}'::jsonb) returning id
                """, orderId, source, from, to, runId, Timestamp.from(at));
    }

    /** An order the import kept out, with its raw EcoManager payload. */
    public long quarantined(long storeId, String reason, String payloadJson) {
        return insert("""
                insert into quarantined_orders (store_id, ecomanager_id, reason, payload)
                values (?, ?, ?, ?::jsonb) returning id
                """, storeId, SEQUENCE.incrementAndGet(), reason, payloadJson);
    }

    /** A finished import run with its results JSON (as {@code ImportRunResult} serialises). */
    public UUID importRun(String status, Instant startedAt, long seconds, String resultsJson, String errorMessage) {
        UUID id = UUID.randomUUID();
        insert(
                """
                insert into job_runs (id, job_id, trigger, actor, started_at, ended_at, status, counts, results, error)
                values (?, 'ecomanager-sync', 'SCHEDULED', 'scheduler', ?, ?, ?, '{"imported": 3}'::jsonb, ?::jsonb,
                        case when ?::text is null then null else jsonb_build_object('class', 'UpstreamUnavailableException',
                             'message', ?::text) end)
                returning 1
                """,
                id,
                Timestamp.from(startedAt),
                Timestamp.from(startedAt.plusSeconds(seconds)),
                status,
                resultsJson,
                errorMessage,
                errorMessage);
        return id;
    }

    /** Marks the store's token as refused by EcoManager, as the import does on a 401. */
    public void rejectCredentials(long storeId, String reason) {
        count(
                "with changed as (update stores set credential_state = 'REJECTED', credential_error = ?,"
                        + " credential_checked_at = now() where id = ? returning 1) select count(*) from changed",
                reason,
                storeId);
    }

    /** A Maystro account whose key the courier refused; returns its name. */
    public String rejectedCourierAccount(String reason) {
        String name = "compte-" + SEQUENCE.incrementAndGet();
        count(
                "with added as (insert into courier_accounts (name, credential_state, credential_error, credential_checked_at)"
                        + " values (?, 'REJECTED', ?, now()) returning 1) select count(*) from added",
                name,
                reason);
        return name;
    }

    /** The job's schedule as it stood from {@code from} on (what missed fires are worked out from). */
    public void scheduleHistory(String job, Instant from, String cron, boolean enabled) {
        count(
                "with added as (insert into schedule_history (job_id, cron, time_zone, enabled, effective_from, changed_by)"
                        + " values (?, ?, 'Africa/Algiers', ?, ?, 'dashboard-test') returning 1) select count(*) from added",
                job,
                cron,
                enabled,
                Timestamp.from(from));
    }

    public void removeScheduleHistory() {
        count("with gone as (delete from schedule_history where changed_by = 'dashboard-test' returning 1)"
                + " select count(*) from gone");
    }

    public String reference(long orderId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("select reference from orders where id = ?")) {
            statement.setLong(1, orderId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long storeId(String identifier) {
        return count("select id from stores where identifier = ?", identifier);
    }

    /** One figure counted by the test's own statement. */
    public long count(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Timestamp algiersMidnight(Instant now) {
        return Timestamp.from(LocalDate.ofInstant(now, dz.libertaphonix.scheduler.common.Algiers.ZONE)
                .atStartOfDay(dz.libertaphonix.scheduler.common.Algiers.ZONE)
                .toInstant());
    }

    private long insert(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
