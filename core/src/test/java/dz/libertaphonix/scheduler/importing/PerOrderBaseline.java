package dz.libertaphonix.scheduler.importing;

import dz.libertaphonix.scheduler.agents.AssignmentService;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerClient;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerItem;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerOrder;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerSession;
import dz.libertaphonix.scheduler.ecomanager.OrdersPage;
import dz.libertaphonix.scheduler.orders.AlgerianPhone;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.stores.StoreTokens;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The benchmark's baseline: the same orders, fetched the same way, but stored the way the old
 * system did — one order per transaction, row by row (a statement per customer, order, item and
 * event), each assigned on its own.
 */
@ApplicationScoped
public class PerOrderBaseline {

    private final EcoManagerClient client;
    private final Writer writer;
    private final AssignmentService assignment;
    private final StoreTokens tokens;

    public PerOrderBaseline(EcoManagerClient client, Writer writer, AssignmentService assignment, StoreTokens tokens) {
        this.client = client;
        this.writer = writer;
        this.assignment = assignment;
        this.tokens = tokens;
    }

    public int importAll(Store store, UUID runId) {
        EcoManagerSession session = client.open(tokens.credentials(store));
        int imported = 0;
        String cursor = null;
        do {
            OrdersPage page = session.orders(cursor, 100);
            for (EcoManagerOrder order : page.orders()) {
                if (!order.inDispatch() || !order.wellFormed()) {
                    continue;
                }
                Long id = writer.insertOne(store.id, order, runId);
                if (id != null) {
                    assignment.assign(List.of(id), runId);
                    imported++;
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return imported;
    }

    @ApplicationScoped
    public static class Writer {

        private final AgroalDataSource dataSource;

        public Writer(AgroalDataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Transactional
        public Long insertOne(long storeId, EcoManagerOrder source, UUID runId) {
            try (Connection connection = dataSource.getConnection()) {
                if (one(
                                connection,
                                "select id from orders where store_id = ? and ecomanager_id = ?",
                                storeId,
                                source.id())
                        != null) {
                    return null;
                }
                Timestamp now = Timestamp.from(Instant.now());
                String phone = AlgerianPhone.normalise(source.telephone()).orElseThrow();
                Long customerId = one(connection, "select id from customers where phone = ?", phone);
                if (customerId == null) {
                    customerId = one(
                            connection,
                            "insert into customers (full_name, phone, created_at, updated_at) values (?, ?, ?, ?)"
                                    + " returning id",
                            source.fullName(),
                            phone,
                            now,
                            now);
                }
                update(
                        connection,
                        "update customers set full_name = ?, wilaya = ?, commune = ?, updated_at = ? where id = ?",
                        source.fullName(),
                        source.wilaya(),
                        source.commune(),
                        now,
                        customerId);
                Long orderId = one(
                        connection,
                        """
                        insert into orders (store_id, ecomanager_id, reference, customer_id, status, ecomanager_state,
                                            confirmation_state, ordered_at, total, last_run_id, imported_at, updated_at)
                        values (?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?) returning id""",
                        storeId,
                        source.id(),
                        source.reference(),
                        customerId,
                        source.state(),
                        source.confirmationState(),
                        source.createdAt() == null ? null : Timestamp.from(source.createdAt()),
                        source.total(),
                        runId,
                        now,
                        now);
                int line = 0;
                for (EcoManagerItem item : source.items()) {
                    update(
                            connection,
                            "insert into order_items (order_id, line_no, product_id, sku, title, quantity, unit_price,"
                                    + " total_price) values (?, ?, ?, ?, ?, ?, ?, ?)",
                            orderId,
                            ++line,
                            item.productId(),
                            item.sku(),
                            item.title(),
                            item.quantity(),
                            item.unitPrice(),
                            item.totalPrice());
                }
                update(
                        connection,
                        "insert into order_status_events (order_id, source, to_status, run_id, occurred_at)"
                                + " values (?, 'IMPORT', 'PENDING', ?, ?)",
                        orderId,
                        runId,
                        now);
                return orderId;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Long one(Connection connection, String sql, Object... parameters) throws SQLException {
            try (PreparedStatement statement = prepare(connection, sql, parameters);
                    ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }

        private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                statement.executeUpdate();
            }
        }

        private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
                throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        }
    }
}
