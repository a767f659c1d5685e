package dz.libertaphonix.scheduler.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.live.LiveStateRedis;
import dz.libertaphonix.scheduler.runs.lock.RunLock;
import dz.libertaphonix.scheduler.runs.runner.JobRunner;
import dz.libertaphonix.scheduler.runs.runner.MutableClock;
import dz.libertaphonix.scheduler.runs.runner.RunRequest;
import dz.libertaphonix.scheduler.runs.runner.RunSummary;
import dz.libertaphonix.scheduler.runs.runner.RunsTestProfile;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.CoreFixtures;
import dz.libertaphonix.scheduler.testsupport.CustomerRow;
import dz.libertaphonix.scheduler.testsupport.OrderRow;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import dz.libertaphonix.scheduler.testsupport.RunFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real daily-cleanup job, run through the JobRunner against real PostgreSQL and Redis. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(RunsTestProfile.class)
class DailyCleanupJobTest {

    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Inject
    JobRunner runner;

    @Inject
    RunFixtures runs;

    @Inject
    CoreFixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RedisDataSource redis;

    @Inject
    MutableClock clock;

    @BeforeEach
    void freshJobs() {
        clock.reset();
        runs.freeJob(DailyCleanupJob.ID);
        runs.freeJob(ShippingStatusSyncJob.ID);
    }

    @Test
    void deletesExactlyTheRowsPastRetentionInBatchesAndLeavesEverythingElse() throws SQLException {
        Instant now = clock.instant();
        String action = "cleanup-test-" + UUID.randomUUID();
        List<Long> oldLogs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            oldLogs.add(activityLog(action, now.minus(DAY.multipliedBy(31)).minusSeconds(i)));
        }
        long logJustPast = activityLog(action, now.minus(DAY.multipliedBy(30)).minus(MINUTE));
        long logJustInside = activityLog(action, now.minus(DAY.multipliedBy(30)).plus(MINUTE));
        long oldAudit = auditEvent(action, now.minus(DAY.multipliedBy(365)).minus(MINUTE));
        long recentAudit = auditEvent(action, now.minus(DAY.multipliedBy(364)));
        long oldDelivery = inboundEvent(action, now.minus(DAY.multipliedBy(90)).minus(MINUTE));
        long recentDelivery = inboundEvent(action, now.minus(DAY.multipliedBy(89)));

        JobRun oldSucceeded = runs.endedRow(ShippingStatusSyncJob.ID, JobRunStatus.SUCCEEDED, daysAgo(now, 91));
        JobRun oldSkipped = runs.endedRow(ShippingStatusSyncJob.ID, JobRunStatus.SKIPPED, daysAgo(now, 91));
        JobRun recentSucceeded = runs.endedRow(ShippingStatusSyncJob.ID, JobRunStatus.SUCCEEDED, daysAgo(now, 89));
        JobRun failedWithinItsRetention =
                runs.endedRow(ShippingStatusSyncJob.ID, JobRunStatus.FAILED, daysAgo(now, 91));
        JobRun failedPastItsRetention = runs.endedRow(ShippingStatusSyncJob.ID, JobRunStatus.FAILED, daysAgo(now, 181));
        JobRun namedByAnOrder = runs.endedRow(EcoManagerSyncJob.ID, JobRunStatus.SUCCEEDED, daysAgo(now, 400));

        Store store = fixtures.store("https://natu.ecomanager.dz/api/shop/v2", "tok-" + UUID.randomUUID());
        CustomerRow customer = fixtures.customer();
        OrderRow oldOrder = fixtures.order(store.id, CoreFixtures.next(), "R" + CoreFixtures.next(), customer.id);
        execute(
                "update orders set imported_at = ?, last_run_id = ? where id = ?",
                Timestamp.from(daysAgo(now, 400)),
                namedByAnOrder.id,
                oldOrder.id);
        var agent = fixtures.agent("Yacine Brahimi", 50);

        RunSummary summary = runner.run(RunRequest.manual(DailyCleanupJob.ID, "ops@libertaphonix.dz", null));

        assertThat(summary.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(existing("activity_logs", oldLogs)).isEmpty();
        assertThat(existing("activity_logs", List.of(logJustPast, logJustInside)))
                .containsExactly(logJustInside);
        assertThat(existing("audit_events", List.of(oldAudit, recentAudit))).containsExactly(recentAudit);
        assertThat(existing("inbound_events", List.of(oldDelivery, recentDelivery)))
                .containsExactly(recentDelivery);
        assertThat(runs.run(oldSucceeded.id)).isNull();
        assertThat(runs.run(oldSkipped.id)).isNull();
        assertThat(runs.run(failedPastItsRetention.id)).isNull();
        assertThat(runs.run(recentSucceeded.id)).isNotNull();
        assertThat(runs.run(failedWithinItsRetention.id)).isNotNull();
        assertThat(runs.run(namedByAnOrder.id)).isNotNull();
        // nothing of the business data changes, however old
        assertThat(existing("orders", List.of(oldOrder.id))).containsExactly(oldOrder.id);
        assertThat(existing("customers", List.of(customer.id))).containsExactly(customer.id);
        assertThat(existing("stores", List.of(store.id))).containsExactly(store.id);
        assertThat(existing("agents", List.of(agent.id))).containsExactly(agent.id);
        assertThat(lastRunOf(oldOrder.id)).isEqualTo(namedByAnOrder.id);

        assertThat(summary.counts().get("activity_logs")).isGreaterThanOrEqualTo(21L);
        assertThat(summary.counts().get("job_runs")).isGreaterThanOrEqualTo(3L);
        assertThat(summary.counts().get("audit_events")).isGreaterThanOrEqualTo(1L);
        Map<String, Object> activityPurge = purge(summary, "activity_logs", "entries");
        long deleted = ((Number) activityPurge.get("deleted")).longValue();
        int batches = ((Number) activityPurge.get("batches")).intValue();
        assertThat(batches).isGreaterThanOrEqualTo(3);
        assertThat(deleted).isLessThanOrEqualTo((long) batches * RunsTestProfile.CLEANUP_BATCH);
        assertThat(activityPurge).containsEntry("complete", true);
    }

    @Test
    void sweepsRedisKeysWithoutTtlAndOrphanedRunStateButKeepsLiveKeys() {
        String tag = UUID.randomUUID().toString();
        String noTtl = "scheduler:ratelimit:test-" + tag;
        String withTtl = "scheduler:ratelimit:test-live-" + tag;
        String foreign = "other-app:" + tag;
        redis.value(String.class).set(noTtl, "3");
        redis.value(String.class).setex(withTtl, 3600, "3");
        redis.value(String.class).set(foreign, "kept");
        String unknownRun = LiveStateRedis.runKey(UUID.randomUUID());
        redis.execute("SET", unknownRun, "x", "EX", "3600");
        JobRun finished = runs.endedRow(ShippingStatusSyncJob.ID, JobRunStatus.SUCCEEDED, clock.instant());
        String finishedRun = LiveStateRedis.runKey(finished.id);
        redis.execute("HSET", finishedRun, "job", "shipping-status-sync");
        redis.execute("PEXPIRE", finishedRun, "3600000");
        String staleLock = RunLock.key(ShippingStatusSyncJob.ID);
        redis.execute("SET", staleLock, finished.id + "|lost-release|", "EX", "3600");
        String unknownJobLock = "scheduler:lock:nightly-backup";
        redis.execute("SET", unknownJobLock, UUID.randomUUID() + "||", "EX", "3600");
        String state = LiveStateRedis.stateKey(ShippingStatusSyncJob.ID);
        redis.execute("HSET", state, "current.runId", finished.id.toString(), "last.status", "RUNNING");
        redis.execute("PEXPIRE", state, "3600000");

        RunSummary summary = runner.run(RunRequest.manual(DailyCleanupJob.ID, "ops@libertaphonix.dz", null));

        assertThat(summary.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(redis.key().exists(noTtl)).isFalse();
        assertThat(redis.key().exists(withTtl)).isTrue();
        assertThat(redis.key().exists(foreign)).isTrue();
        assertThat(redis.key().exists(unknownRun)).isFalse();
        assertThat(redis.key().exists(finishedRun)).isFalse();
        assertThat(redis.key().exists(staleLock)).isFalse();
        assertThat(redis.key().exists(unknownJobLock)).isFalse();
        assertThat(redis.hash(String.class).hget(state, "current.runId")).isNull();
        assertThat(redis.hash(String.class).hget(state, "last.status")).isEqualTo("RUNNING");
        assertThat(summary.counts().get("redis_keys")).isGreaterThanOrEqualTo(6L);
        assertThat((Integer) sweep(summary, "scheduler:ratelimit:*").get("withoutTtl"))
                .isGreaterThanOrEqualTo(1);
        assertThat((Integer) sweep(summary, "scheduler:run:*").get("orphaned")).isGreaterThanOrEqualTo(2);
        assertThat((Integer) sweep(summary, "scheduler:lock:*").get("orphaned")).isGreaterThanOrEqualTo(2);
        redis.key().del(withTtl, foreign);
    }

    @Test
    void analysesAndVacuumsTheTablesTheJobsWrite() throws SQLException {
        Instant before = databaseNow();

        RunSummary summary = runner.run(RunRequest.manual(DailyCleanupJob.ID, "ops@libertaphonix.dz", null));

        assertThat(summary.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> maintenance =
                (List<Map<String, Object>>) results(summary).get("maintenance");
        assertThat(maintenance)
                .extracting(m -> m.get("table"))
                .contains("orders", "job_runs", "activity_logs", "order_status_events");
        assertThat(maintenance).allSatisfy(m -> {
            assertThat(m.get("operation")).isEqualTo("VACUUM (ANALYZE)");
            assertThat(m.get("error")).isNull();
        });
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(lastVacuum("job_runs")).isNotNull().isAfterOrEqualTo(before));
    }

    @Test
    void stopsAtTheDeadlineAsPartialAndTheNextRunFinishesTheWork() throws SQLException {
        Instant now = clock.instant();
        String action = "cleanup-deadline-" + UUID.randomUUID();
        long old = activityLog(action, now.minus(DAY.multipliedBy(45)));

        RunSummary late = runner.run(new RunRequest(
                DailyCleanupJob.ID, dz.libertaphonix.scheduler.runs.RunTrigger.MANUAL, null, "ops", null, null, now));
        assertThat(late.status()).isEqualTo(JobRunStatus.PARTIAL);
        assertThat(existing("activity_logs", List.of(old))).containsExactly(old);

        RunSummary next = runner.run(RunRequest.manual(DailyCleanupJob.ID, "ops", null));
        assertThat(next.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(existing("activity_logs", List.of(old))).isEmpty();
    }

    private static Instant daysAgo(Instant now, int days) {
        return now.minus(DAY.multipliedBy(days));
    }

    private long activityLog(String action, Instant at) throws SQLException {
        return insertReturningId(
                "insert into activity_logs (occurred_at, action_type, description) values (?, ?, 'test entry') returning id",
                Timestamp.from(at),
                action);
    }

    private long auditEvent(String action, Instant at) throws SQLException {
        return insertReturningId(
                "insert into audit_events (occurred_at, action, outcome) values (?, ?, 'SUCCEEDED') returning id",
                Timestamp.from(at),
                action);
    }

    private long inboundEvent(String reason, Instant receivedAt) throws SQLException {
        return insertReturningId(
                "insert into inbound_events (source, event_type, status, reason, payload, received_at)"
                        + " values ('ECOMANAGER', 'OrderCreated', 'UNKNOWN_EVENT', ?, '{}', ?) returning id",
                reason,
                Timestamp.from(receivedAt));
    }

    private long insertReturningId(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        }
    }

    private List<Long> existing(String table, List<Long> ids) throws SQLException {
        List<Long> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("select id from " + table + " where id = any(?) order by id")) {
            statement.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getLong(1));
                }
            }
        }
        return found;
    }

    private UUID lastRunOf(long orderId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("select last_run_id from orders where id = ?")) {
            statement.setLong(1, orderId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        }
    }

    private Instant databaseNow() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select now()");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getTimestamp(1).toInstant();
        }
    }

    private Instant lastVacuum(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("select last_vacuum from pg_stat_user_tables where relname = ?")) {
            statement.setString(1, table);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                Timestamp at = row.getTimestamp(1);
                return at == null ? null : at.toInstant();
            }
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> results(RunSummary summary) {
        return (Map<String, Object>) runs.run(summary.runId()).results;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> purge(RunSummary summary, String table, String rule) {
        return ((List<Map<String, Object>>) results(summary).get("purges"))
                .stream()
                        .filter(p -> table.equals(p.get("table")) && rule.equals(p.get("rule")))
                        .findFirst()
                        .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sweep(RunSummary summary, String pattern) {
        return ((List<Map<String, Object>>) results(summary).get("redis"))
                .stream()
                        .filter(s -> pattern.equals(s.get("pattern")))
                        .findFirst()
                        .orElseThrow();
    }
}
