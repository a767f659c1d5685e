package dz.libertaphonix.scheduler.common.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** What counts as PostgreSQL or Redis being away, as the drivers and pools report it, and its words. */
class OutagesTest {

    @Test
    void readsAnUnreachableDatabaseThroughWhateverWrapsTheDriversFailure() {
        SQLException refused = new SQLException(
                "Connection to localhost:5432 refused.", "08001", new ConnectException("Connection refused"));
        SQLException cut = new SQLException(
                "An I/O error occurred while sending to the backend.", "08006", new SocketException("Broken pipe"));
        SQLException shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        SQLException poolTimeout = new SQLException("Acquisition timeout while waiting for new connection");

        assertThat(Outages.databaseUnavailable(new IllegalStateException("wrapped", refused)))
                .isTrue();
        assertThat(Outages.reason(new RuntimeException(refused))).isEqualTo("connection refused");
        assertThat(Outages.reason(cut)).isEqualTo("connection lost");
        assertThat(Outages.reason(shutdown)).isEqualTo("server shutting down or starting");
        assertThat(Outages.databaseUnavailable(poolTimeout)).isTrue();
        assertThat(Outages.reason(poolTimeout)).isEqualTo("timed out");
    }

    @Test
    void leavesEveryOtherFailureAlone() {
        SQLException constraint = new SQLException("duplicate key value violates unique constraint", "23505");

        assertThat(Outages.databaseUnavailable(constraint)).isFalse();
        assertThat(Outages.named(new IllegalStateException(constraint), "committing batch 1 of NATU"))
                .isEmpty();
        assertThat(Outages.any(new IllegalArgumentException("bad cron"))).isFalse();
        assertThatThrownBy(() -> Outages.database("reading the cursor of NATU", () -> {
                    throw new IllegalStateException("store 12 no longer exists");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("store 12 no longer exists");
    }

    @Test
    void namesAnOutageWithWhatWasBeingDoneInWordsNotClassNames() {
        SQLException cut = new SQLException("An I/O error occurred while sending to the backend.", "08006");

        assertThatThrownBy(() -> Outages.database("committing batch 3 of NATU", () -> {
                    throw new IllegalStateException("database error while committing a batch of orders", cut);
                }))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessage("database unavailable while committing batch 3 of NATU (connection lost)");
        RedisUnavailableException redis = new RedisUnavailableException(
                "taking a request slot for store NATU",
                new CompletionException(new ConnectException("Connection refused: /127.0.0.1:6379")));
        assertThat(redis.getMessage())
                .isEqualTo("Redis unavailable while taking a request slot for store NATU (connection refused)");
        assertThat(Outages.named(new RuntimeException(redis), "importing NATU")).containsSame(redis);
        assertThat(Outages.redisUnavailable(new RuntimeException(redis))).isTrue();
    }
}
