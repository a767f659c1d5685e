package dz.libertaphonix.scheduler.api.testsupport;

import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.stores.StoreRepository;
import dz.libertaphonix.scheduler.stores.WebhookSecrets;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stores with a webhook secret and what their deliveries left in PostgreSQL, read by plain SQL. */
@ApplicationScoped
public class EcoManagerWebhookFixtures {

    private final WebhookSecrets secrets;
    private final StoreRepository stores;
    private final AgroalDataSource dataSource;

    public EcoManagerWebhookFixtures(WebhookSecrets secrets, StoreRepository stores, AgroalDataSource dataSource) {
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

    /** The store's secret as stored now (decrypted). */
    public String currentSecret(long storeId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> secrets.secret(stores.findById(storeId)).orElse(null));
    }

    public List<Map<String, Object>> inbound(Store store) {
        return list(
                "select status, event_type, ecomanager_id, payload from inbound_events where store_id = ? order by id",
                store.id);
    }

    public List<Map<String, Object>> orders(Store store) {
        return list(
                "select ecomanager_id, status, assigned_agent_id from orders where store_id = ? order by id", store.id);
    }

    public List<Map<String, Object>> webhooks(long storeId) {
        return list(
                "select webhook_id, event, delivery_url from ecomanager_webhooks where store_id = ? order by id",
                storeId);
    }

    public long rejections(Store store) {
        return ((Number) list(
                                "select coalesce(sum(rejections), 0) as n from webhook_rejections where store_id = ?",
                                store.id)
                        .getFirst()
                        .get("n"))
                .longValue();
    }

    /** The raw bytes of the store's secret column: never the secret in clear. */
    public byte[] encryptedSecret(long storeId) {
        return (byte[]) list("select webhook_secret_encrypted from stores where id = ?", storeId)
                .getFirst()
                .get("webhook_secret_encrypted");
    }

    private List<Map<String, Object>> list(String sql, Object... parameters) {
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
