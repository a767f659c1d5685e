package dz.libertaphonix.scheduler.operations;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.time.ExecutionTime;
import dz.libertaphonix.scheduler.common.Algiers;
import dz.libertaphonix.scheduler.operations.OperationsSummary.AccountHealth;
import dz.libertaphonix.scheduler.operations.OperationsSummary.FailedRun;
import dz.libertaphonix.scheduler.operations.OperationsSummary.Orders;
import dz.libertaphonix.scheduler.operations.OperationsSummary.Parcels;
import dz.libertaphonix.scheduler.operations.OperationsSummary.Runs;
import dz.libertaphonix.scheduler.operations.OperationsSummary.ScheduleWords;
import dz.libertaphonix.scheduler.operations.OperationsSummary.StoreHealth;
import dz.libertaphonix.scheduler.operations.OperationsSummary.Waiting;
import dz.libertaphonix.scheduler.orders.SqlArrays;
import dz.libertaphonix.scheduler.schedule.CronSchedules;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the operations summary: a handful of set-based statements over orders, agents, stores,
 * courier accounts and the run ledger. Read-only; no statement locks anything the jobs write.
 */
@ApplicationScoped
public class OperationsOverview {

    /** Scheduled import runs without an import after which an active store needs a look. */
    static final int RUNS_WITHOUT_IMPORT = 2;

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final StoreHealthReader storeHealth;

    public OperationsOverview(AgroalDataSource dataSource, Clock clock, StoreHealthReader storeHealth) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.storeHealth = storeHealth;
    }

    public OperationsSummary summary() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Algiers.ZONE);
        Instant dayStart = today.atStartOfDay(Algiers.ZONE).toInstant();
        Instant dayEnd = today.plusDays(1).atStartOfDay(Algiers.ZONE).toInstant();
        try (Connection connection = dataSource.getConnection()) {
            Sql sql = new Sql(connection);
            List<ScheduleWords> schedules = schedules(sql);
            Instant staleBefore = schedules.stream()
                    .filter(s -> s.job().equals("ecomanager-sync") && s.enabled())
                    .findFirst()
                    .flatMap(s -> earlierFire(s.cron(), now, RUNS_WITHOUT_IMPORT + 1))
                    .orElse(null);
            List<StoreHealth> stores = storeHealth.read(sql, dayStart, staleBefore);
            return new OperationsSummary(
                    now.atZone(Algiers.ZONE).toOffsetDateTime(),
                    today,
                    orders(sql, dayStart, now),
                    waiting(sql, dayStart, dayEnd),
                    parcels(sql, dayStart),
                    stores,
                    accounts(sql),
                    runs(sql, now),
                    schedules);
        } catch (SQLException e) {
            throw SqlArrays.failure("reading the operations summary", e);
        }
    }

    private static Orders orders(Sql sql, Instant dayStart, Instant now) throws SQLException {
        return sql.one(
                """
                select count(*) filter (where imported_at >= ?), count(*) filter (where imported_at >= ?)
                  from orders where imported_at >= least(?::timestamptz, ?::timestamptz)
                """,
                row -> new Orders(row.getLong(1), row.getLong(2)),
                dayStart,
                now.minus(Duration.ofHours(1)),
                dayStart,
                now.minus(Duration.ofHours(1)));
    }

    private static Waiting waiting(Sql sql, Instant dayStart, Instant dayEnd) throws SQLException {
        long[] agents = sql.one("""
                select count(*),
                       coalesce(sum(greatest(a.daily_capacity - coalesce(t.given, 0), 0)), 0)
                  from agents a
                  left join (select assigned_agent_id, count(*) as given from orders
                              where assigned_at >= ? and assigned_at < ? group by assigned_agent_id) t
                         on t.assigned_agent_id = a.id
                 where a.active and a.available
                """, row -> new long[] {row.getLong(1), row.getLong(2)}, dayStart, dayEnd);
        return sql.one(
                "select count(*), min(imported_at) from orders where assigned_agent_id is null and status = 'PENDING'",
                row -> {
                    long waiting = row.getLong(1);
                    String cause = waiting == 0
                            ? null
                            : agents[0] == 0 ? "NO_AGENT_AVAILABLE" : agents[1] == 0 ? "CAPACITY_REACHED" : null;
                    return new Waiting(waiting, Sql.time(row, 2), cause, agents[0], agents[1]);
                });
    }

    private static Parcels parcels(Sql sql, Instant dayStart) throws SQLException {
        return sql.one("""
                select count(distinct order_id) filter (where to_status = 'DELIVERED'),
                       count(distinct order_id) filter (where to_status = 'RETURNED'),
                       count(distinct order_id) filter (where to_status = 'CANCELLED')
                  from order_status_events
                 where occurred_at >= ? and source in ('SHIPPING_SYNC', 'WEBHOOK')
                   and to_status in ('DELIVERED', 'RETURNED', 'CANCELLED')
                   and from_status is distinct from to_status
                """, row -> new Parcels(row.getLong(1), row.getLong(2), row.getLong(3)), dayStart);
    }

    private static List<AccountHealth> accounts(Sql sql) throws SQLException {
        // each account's part of the last finished shipping run that reported accounts
        Map<String, String[]> last = new java.util.HashMap<>();
        sql.each("""
                select a ->> 'account', a ->> 'error', (a ->> 'failed')::bigint, (a ->> 'notChecked')::bigint
                  from (select results from job_runs
                         where job_id = 'shipping-status-sync' and status <> 'RUNNING' and jsonb_typeof(results -> 'accounts') = 'array'
                         order by started_at desc limit 1) r,
                       jsonb_array_elements(r.results -> 'accounts') a
                """, row -> {
            boolean failed = row.getString(2) != null || row.getLong(3) > 0;
            last.put(row.getString(1), new String[] {failed ? "FAILED" : "OK", row.getString(2)});
        });
        List<AccountHealth> accounts = new ArrayList<>();
        sql.each(
                "select name, credential_state, credential_error, credential_checked_at from courier_accounts order by name",
                row -> {
                    String[] part = last.getOrDefault(row.getString(1), new String[] {null, null});
                    List<String> attention = new ArrayList<>();
                    if ("REJECTED".equals(row.getString(2))) {
                        attention.add("CREDENTIALS_REJECTED");
                    }
                    if ("FAILED".equals(part[0])) {
                        attention.add("FAILING");
                    }
                    accounts.add(new AccountHealth(
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            Sql.time(row, 4),
                            part[0],
                            part[1],
                            List.copyOf(attention)));
                });
        return accounts;
    }

    private static Runs runs(Sql sql, Instant now) throws SQLException {
        Instant since = now.minus(Duration.ofHours(24));
        long[] counts = sql.one("""
                select count(*) filter (where status in ('FAILED', 'ABANDONED')), count(*) filter (where status = 'PARTIAL')
                  from job_runs where started_at >= ?
                """, row -> new long[] {row.getLong(1), row.getLong(2)}, since);
        List<FailedRun> latest = new ArrayList<>();
        sql.each(
                """
                select id, job_id, status, started_at, error ->> 'message' from job_runs
                 where started_at >= ? and status in ('FAILED', 'ABANDONED')
                 order by started_at desc limit 5
                """,
                row -> latest.add(new FailedRun(
                        row.getObject(1, java.util.UUID.class),
                        row.getString(2),
                        row.getString(3),
                        Sql.time(row, 4),
                        row.getString(5))),
                since);
        return new Runs(counts[0], counts[1], List.copyOf(latest));
    }

    private static List<ScheduleWords> schedules(Sql sql) throws SQLException {
        List<ScheduleWords> schedules = new ArrayList<>();
        sql.each(
                "select job_id, cron, enabled from schedules order by job_id",
                row -> schedules.add(new ScheduleWords(
                        row.getString(1), row.getString(2), row.getBoolean(3), words(row.getString(2)))));
        return schedules;
    }

    /** The cron in words, in French and English, as cron-utils describes it; empty for an unreadable cron. */
    static Map<String, String> words(String cron) {
        try {
            var parsed = CronSchedules.parse(cron);
            return Map.of(
                    "fr", CronDescriptor.instance(Locale.FRENCH).describe(parsed),
                    "en", CronDescriptor.instance(Locale.ENGLISH).describe(parsed));
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** The {@code count}-th fire time of {@code cron} (Algiers) before {@code now}; empty if it never fired. */
    static Optional<Instant> earlierFire(String cron, Instant now, int count) {
        try {
            ExecutionTime execution = ExecutionTime.forCron(CronSchedules.parse(cron));
            ZonedDateTime at = now.atZone(Algiers.ZONE);
            for (int i = 0; i < count; i++) {
                Optional<ZonedDateTime> previous = execution.lastExecution(at);
                if (previous.isEmpty()) {
                    return Optional.empty();
                }
                at = previous.get();
            }
            return Optional.of(at.toInstant());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
