package dz.libertaphonix.scheduler.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dz.libertaphonix.scheduler.orders.SqlArrays;
import dz.libertaphonix.scheduler.stores.StoreNotFoundException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A store's quarantined orders still open (not imported since), newest first, with the raw payload
 * EcoManager sent and the reason it was kept out: what a person needs to fix the order upstream.
 */
@ApplicationScoped
public class QuarantinedOrders {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record QuarantinedOrder(
            long id,
            Long ecomanagerId,
            String reason,
            JsonNode payload,
            UUID runId,
            OffsetDateTime firstSeenAt,
            OffsetDateTime lastSeenAt) {}

    public record StoreQuarantine(long storeId, String store, long total, List<QuarantinedOrder> orders) {}

    private final AgroalDataSource dataSource;

    public QuarantinedOrders(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public StoreQuarantine open(long storeId, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            Sql sql = new Sql(connection);
            List<String> store =
                    sql.list("select identifier from stores where id = ?", row -> row.getString(1), storeId);
            if (store.isEmpty()) {
                throw new StoreNotFoundException(storeId);
            }
            long total = sql.one(
                    "select count(*) from quarantined_orders where store_id = ? and resolved_at is null",
                    row -> row.getLong(1),
                    storeId);
            List<QuarantinedOrder> orders = sql.list(
                    """
                    select id, ecomanager_id, reason, payload::text, run_id, first_seen_at, last_seen_at
                      from quarantined_orders where store_id = ? and resolved_at is null
                     order by last_seen_at desc, id desc limit ?
                    """,
                    row -> new QuarantinedOrder(
                            row.getLong(1),
                            Sql.nullableLong(row, 2),
                            row.getString(3),
                            json(row.getString(4)),
                            Sql.uuid(row, 5),
                            Sql.time(row, 6),
                            Sql.time(row, 7)),
                    storeId,
                    limit);
            return new StoreQuarantine(storeId, store.getFirst(), total, orders);
        } catch (SQLException e) {
            throw SqlArrays.failure("reading the quarantined orders of store " + storeId, e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}
