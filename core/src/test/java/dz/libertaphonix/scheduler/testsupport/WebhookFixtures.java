package dz.libertaphonix.scheduler.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dz.libertaphonix.scheduler.importing.webhook.InboundDelivery;
import dz.libertaphonix.scheduler.importing.webhook.WebhookSignature;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.stores.StoreRepository;
import dz.libertaphonix.scheduler.stores.WebhookSecrets;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Webhook secrets, signed deliveries and what the intake recorded, for the webhook tests of core. */
@ApplicationScoped
public class WebhookFixtures {

    private final WebhookSecrets secrets;
    private final StoreRepository stores;
    private final AgroalDataSource dataSource;

    public WebhookFixtures(WebhookSecrets secrets, StoreRepository stores, AgroalDataSource dataSource) {
        this.secrets = secrets;
        this.stores = stores;
        this.dataSource = dataSource;
    }

    /** Gives the store a new webhook secret and returns it. */
    public String secret(Store store) {
        String secret = secrets.generate();
        QuarkusTransaction.requiringNew().run(() -> secrets.assign(stores.findById(store.id), secret));
        return secret;
    }

    /** A delivery of {@code body} signed with {@code secret}. */
    public static InboundDelivery signed(Store store, String secret, String event, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new InboundDelivery(
                store.identifier,
                event,
                "wh-" + event,
                "https://natura.ecomanager.dz",
                WebhookSignature.sign(secret, bytes),
                bytes);
    }

    /** An order of the shop as a webhook carries it, at this {@code updated_at} (Algiers time). */
    public static String order(long seed, long id, String state, String updatedAt) {
        ObjectNode order = EcoManagerPayloads.order(seed, id, state);
        order.put("updated_at", updatedAt);
        return order.toString();
    }

    /** The store's {@code inbound_events}, oldest first. */
    public List<Map<String, Object>> inbound(Store store) {
        return list("""
                select status, event_type, webhook_id, source_url, ecomanager_id, order_id, payload, reason
                from inbound_events where store_id = ? order by id
                """, store.id);
    }

    public long rejections(Store store) {
        List<Map<String, Object>> rows =
                list("select coalesce(sum(rejections), 0) as n from webhook_rejections where store_id = ?", store.id);
        return ((Number) rows.getFirst().get("n")).longValue();
    }

    public List<Map<String, Object>> list(String sql, Object... parameters) {
        List<Map<String, Object>> result = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
                    }
                    result.add(row);
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
