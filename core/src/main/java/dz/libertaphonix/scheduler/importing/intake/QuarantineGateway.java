package dz.libertaphonix.scheduler.importing.intake;

import static dz.libertaphonix.scheduler.orders.SqlArrays.longs;

import com.fasterxml.jackson.databind.node.TextNode;
import dz.libertaphonix.scheduler.orders.SqlArrays;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * {@code quarantined_orders}: orders that cannot be imported, kept with their payload and reason.
 * Seen again, a row is updated, not duplicated; imported at last, it is resolved.
 */
@ApplicationScoped
public class QuarantineGateway {

    private final AgroalDataSource dataSource;

    public QuarantineGateway(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the orders, keyed by store and EcoManager id, or by their payload when they have no id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long storeId, List<Quarantine> orders, UUID runId, Instant seenAt) {
        Timestamp at = Timestamp.from(seenAt);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement withId = connection.prepareStatement("""
                        insert into quarantined_orders (store_id, ecomanager_id, reason, payload, run_id, first_seen_at, last_seen_at)
                        values (?, ?, ?, ?::jsonb, ?, ?, ?)
                        on conflict (store_id, ecomanager_id) where ecomanager_id is not null
                        do update set reason = excluded.reason, payload = excluded.payload, run_id = excluded.run_id,
                                      last_seen_at = excluded.last_seen_at, resolved_at = null
                        """);
                PreparedStatement seenAgain = connection.prepareStatement("""
                        update quarantined_orders set last_seen_at = ?, run_id = ?, reason = ?
                        where store_id = ? and ecomanager_id is null and resolved_at is null and payload = ?::jsonb
                        """);
                PreparedStatement withoutId = connection.prepareStatement("""
                        insert into quarantined_orders (store_id, ecomanager_id, reason, payload, run_id, first_seen_at, last_seen_at)
                        values (?, null, ?, ?::jsonb, ?, ?, ?)
                        """)) {
            for (Quarantine order : orders) {
                String payload = jsonPayload(order.payload());
                if (order.ecomanagerId() != null) {
                    withId.setLong(1, storeId);
                    withId.setLong(2, order.ecomanagerId());
                    withId.setString(3, order.reason());
                    withId.setString(4, payload);
                    withId.setObject(5, runId);
                    withId.setTimestamp(6, at);
                    withId.setTimestamp(7, at);
                    withId.executeUpdate();
                    continue;
                }
                // no id to key on: the same payload seen again is the same order
                seenAgain.setTimestamp(1, at);
                seenAgain.setObject(2, runId);
                seenAgain.setString(3, order.reason());
                seenAgain.setLong(4, storeId);
                seenAgain.setString(5, payload);
                if (seenAgain.executeUpdate() == 0) {
                    withoutId.setLong(1, storeId);
                    withoutId.setString(2, order.reason());
                    withoutId.setString(3, payload);
                    withoutId.setObject(4, runId);
                    withoutId.setTimestamp(5, at);
                    withoutId.setTimestamp(6, at);
                    withoutId.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw SqlArrays.failure("quarantining orders", e);
        }
    }

    /** Resolves the open quarantine rows of orders that have now been imported. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolve(long storeId, Collection<Long> ecomanagerIds, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement resolve = connection.prepareStatement("""
                        update quarantined_orders set resolved_at = ?
                        where store_id = ? and ecomanager_id = any(?) and resolved_at is null
                        """)) {
            resolve.setTimestamp(1, Timestamp.from(at));
            resolve.setLong(2, storeId);
            resolve.setArray(3, longs(connection, ecomanagerIds));
            resolve.executeUpdate();
        } catch (SQLException e) {
            throw SqlArrays.failure("resolving quarantined orders", e);
        }
    }

    /** The raw payload is JSON as EcoManager sent it; anything else is wrapped so jsonb accepts it. */
    private static String jsonPayload(String raw) {
        if (raw == null) {
            return "null";
        }
        String trimmed = raw.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return trimmed;
        }
        return "{\"raw\": " + TextNode.valueOf(raw) + "}";
    }
}
