package dz.libertaphonix.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.CoreFixtures;
import dz.libertaphonix.scheduler.testsupport.CustomerRow;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The migrations make invalid states unrepresentable: proven against real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class SchemaConstraintsTest {

    @Inject
    CoreFixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void rejectsASecondOrderWithTheSameStoreAndEcoManagerId() {
        Store store = fixtures.store("https://natu.ecomanager.dz/api/shop/v2", "tok-" + UUID.randomUUID());
        CustomerRow customer = fixtures.customer();
        fixtures.order(store.id, 20512, "NATU-20512", customer.id);

        assertThatThrownBy(() -> fixtures.order(store.id, 20512, "NATU-20512-bis", customer.id))
                .rootCause()
                .hasMessageContaining("orders_store_ecomanager_unique");
    }

    @Test
    void keepsTheSameEcoManagerIdApartInTwoStores() {
        Store first = fixtures.store("https://a.ecomanager.dz/api/shop/v2", "tok-" + UUID.randomUUID());
        Store second = fixtures.store("https://a.ecomanager.dz/api/shop/v2", "tok-" + UUID.randomUUID());
        CustomerRow customer = fixtures.customer();

        fixtures.order(first.id, 20512, "REF-20512", customer.id);
        fixtures.order(second.id, 20512, "REF-20512", customer.id);
    }

    @Test
    void rejectsTheSameReferenceTwiceInOneStore() {
        Store store = fixtures.store("https://natu.ecomanager.dz/api/shop/v2", "tok-" + UUID.randomUUID());
        CustomerRow customer = fixtures.customer();
        fixtures.order(store.id, 1, "DUP-REF", customer.id);

        assertThatThrownBy(() -> fixtures.order(store.id, 2, "DUP-REF", customer.id))
                .rootCause()
                .hasMessageContaining("orders_store_reference_unique");
    }

    @Test
    void rejectsASecondRunningRunOfTheSameJob() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            clearRunning(connection, "daily-cleanup");
            insertRun(connection, UUID.randomUUID(), "daily-cleanup", "RUNNING");

            assertThatThrownBy(() -> insertRun(connection, UUID.randomUUID(), "daily-cleanup", "RUNNING"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("job_runs_one_running_per_job");
            // finished runs of the same job, and a running run of another job, are fine
            insertRun(connection, UUID.randomUUID(), "daily-cleanup", "SUCCEEDED");
            clearRunning(connection, "shipping-status-sync");
            insertRun(connection, UUID.randomUUID(), "shipping-status-sync", "RUNNING");
            clearRunning(connection, "daily-cleanup");
            clearRunning(connection, "shipping-status-sync");
        }
    }

    @Test
    void rejectsARunningRowWithAnEndOrASkipWithoutReason() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                            "insert into job_runs (id, job_id, trigger, started_at, ended_at, status) values ('"
                                    + UUID.randomUUID() + "', 'daily-cleanup', 'MANUAL', now(), now(), 'SKIPPED')"))
                    .hasMessageContaining("job_runs_skip_has_reason");
            assertThatThrownBy(() -> statement.executeUpdate(
                            "insert into job_runs (id, job_id, trigger, started_at, ended_at, status) values ('"
                                    + UUID.randomUUID() + "', 'daily-cleanup', 'MANUAL', now(), now(), 'RUNNING')"))
                    .hasMessageContaining("job_runs_running_has_no_end");
            assertThatThrownBy(() -> statement.executeUpdate(
                            "insert into job_runs (id, job_id, trigger, started_at, ended_at, status) values ('"
                                    + UUID.randomUUID() + "', 'Nightly Backup', 'MANUAL', now(), now(), 'SUCCEEDED')"))
                    .hasMessageContaining("job_runs_job_id_check");
        }
    }

    @Test
    void storesTheTokenEncryptedSoTheColumnNeverHoldsItInClear() throws SQLException {
        String token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.natu-secret-" + UUID.randomUUID();
        Store store = fixtures.store("https://natu.ecomanager.dz/api/shop/v2", token);

        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select api_token_encrypted, api_token_hint from stores where id = ?")) {
            select.setLong(1, store.id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                byte[] stored = row.getBytes(1);
                String asText = new String(stored, StandardCharsets.ISO_8859_1);
                assertThat(asText).doesNotContain("natu-secret").doesNotContain(token);
                assertThat(stored.length).isGreaterThan(token.length());
                assertThat(row.getString(2)).hasSize(4).isEqualTo(token.substring(token.length() - 4));
            }
        }
        assertThat(store.maskedToken())
                .endsWith(token.substring(token.length() - 4))
                .doesNotContain("natu-secret");
        assertThat(store.toString()).doesNotContain(token);
    }

    @Test
    void rejectsAHalfRecordedAssignmentAndAnUnknownStatus() throws SQLException {
        Store store = fixtures.store("https://natu.ecomanager.dz/api/shop/v2", "tok-" + UUID.randomUUID());
        CustomerRow customer = fixtures.customer();
        long orderId = fixtures.order(store.id, CoreFixtures.next(), "R" + CoreFixtures.next(), customer.id).id;

        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() ->
                            statement.executeUpdate("update orders set assigned_at = now() where id = " + orderId))
                    .hasMessageContaining("orders_assignment_complete");
            assertThatThrownBy(() -> statement.executeUpdate("update orders set status = 'LOST' where id = " + orderId))
                    .hasMessageContaining("orders_status_check");
            assertThatThrownBy(() -> statement.executeUpdate("update orders set total = -1 where id = " + orderId))
                    .hasMessageContaining("orders_total_check");
        }
    }

    @Test
    void seedsTheDefaultSchedulesInAlgiersTime() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("select job_id, cron, time_zone from schedules order by job_id")) {
            StringBuilder seen = new StringBuilder();
            while (rows.next()) {
                seen.append(rows.getString(1))
                        .append('=')
                        .append(rows.getString(2))
                        .append('@')
                        .append(rows.getString(3))
                        .append(';');
            }
            assertThat(seen.toString())
                    .isEqualTo("daily-cleanup=0 0 2 * * ?@Africa/Algiers;"
                            + "ecomanager-reconcile=0 0 3 * * ?@Africa/Algiers;"
                            + "ecomanager-sync=0 0 8-20 * * ?@Africa/Algiers;"
                            + "shipping-status-sync=0 0 0,6,12,18 * * ?@Africa/Algiers;");
        }
    }

    private static void insertRun(Connection connection, UUID id, String job, String status) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into job_runs (id, job_id, trigger, started_at, ended_at, status) values (?, ?, 'MANUAL', ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setObject(1, id);
            insert.setString(2, job);
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, "RUNNING".equals(status) ? null : now);
            insert.setString(5, status);
            insert.executeUpdate();
        }
    }

    private static void clearRunning(Connection connection, String job) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update job_runs set status = 'ABANDONED', ended_at = now() where job_id = ? and status = 'RUNNING'")) {
            update.setString(1, job);
            update.executeUpdate();
        }
    }
}
