package dz.libertaphonix.scheduler.api.testsupport;

import dz.libertaphonix.scheduler.orders.OrderStatus;
import dz.libertaphonix.scheduler.orders.StatusEventSource;
import dz.libertaphonix.scheduler.shipping.webhook.InboundEvent;
import dz.libertaphonix.scheduler.shipping.webhook.InboundEventRepository;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.stores.StoreAdminService;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Orders on their way with Maystro, for the webhook tests of the api app; unique keys every call.
 * Written and read back by plain SQL: what a test checks is what the database holds.
 */
@ApplicationScoped
public class MaystroWebhookFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final StoreAdminService stores;
    private final AgroalDataSource dataSource;
    private final InboundEventRepository inboundEvents;

    public MaystroWebhookFixtures(
            StoreAdminService stores, AgroalDataSource dataSource, InboundEventRepository inboundEvents) {
        this.stores = stores;
        this.dataSource = dataSource;
        this.inboundEvents = inboundEvents;
    }

    /** An order's row, as far as the webhook tests look at it. */
    public static final class OrderRow {
        public final long id;
        public final String reference;
        public final OrderStatus status;
        public final String shippingStatusLabel;

        OrderRow(long id, String reference, OrderStatus status, String shippingStatusLabel) {
            this.id = id;
            this.reference = reference;
            this.status = status;
            this.shippingStatusLabel = shippingStatusLabel;
        }
    }

    /** An {@code order_status_events} row, as far as the webhook tests look at it. */
    public static final class StatusEventRow {
        public final StatusEventSource source;
        public final String toStatus;
        public final Integer toShippingCode;

        StatusEventRow(StatusEventSource source, String toStatus, Integer toShippingCode) {
            this.source = source;
            this.toStatus = toStatus;
            this.toShippingCode = toShippingCode;
        }
    }

    public static String reference() {
        return "WH-" + SEQUENCE.incrementAndGet();
    }

    /** A confirmed order whose parcel Maystro shows as shipped (31), with a tracking number. */
    public OrderRow shippedOrder(String reference) {
        long n = SEQUENCE.incrementAndGet();
        Store store = stores.create(
                "W" + n,
                "Boutique W" + n,
                "https://w" + n + ".ecomanager.dz/api/shop/v2",
                "tok-" + UUID.randomUUID(),
                true);
        Instant now = Instant.now();
        long customer = insert(
                "insert into customers (full_name, phone, wilaya, commune, created_at, updated_at)"
                        + " values ('Karim Haddad', ?, 'Oran', 'Bir El Djir', ?, ?) returning id",
                "07" + String.format("%08d", n % 100_000_000),
                Timestamp.from(now),
                Timestamp.from(now));
        long order = insert(
                """
                insert into orders (store_id, ecomanager_id, reference, customer_id, status, ecomanager_state, total,
                                    ordered_at, imported_at, updated_at, shipping_status_code, shipping_status_label,
                                    tracking_number)
                values (?, ?, ?, ?, 'CONFIRMED', 'Confirmé', 3200.00, ?, ?, ?, 31, 'EXPÉDIÉ', ?) returning id""",
                store.id,
                n,
                reference,
                customer,
                Timestamp.from(now.minus(Duration.ofDays(2))),
                Timestamp.from(now.minus(Duration.ofDays(1))),
                Timestamp.from(now.minus(Duration.ofDays(1))),
                "MYS" + n);
        return reload(order);
    }

    public OrderRow reload(long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select id, reference, status, shipping_status_label from orders where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return new OrderRow(
                        rows.getLong(1), rows.getString(2), OrderStatus.valueOf(rows.getString(3)), rows.getString(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<StatusEventRow> events(long orderId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select source, to_status, to_shipping_code from order_status_events where order_id = ?"
                                + " order by id")) {
            select.setLong(1, orderId);
            List<StatusEventRow> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new StatusEventRow(
                            StatusEventSource.valueOf(rows.getString(1)),
                            rows.getString(2),
                            rows.getObject(3, Integer.class)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public List<InboundEvent> inboundEventsContaining(String text) {
        return inboundEvents.list("payload like ?1 or reason like ?1 order by id", "%" + text + "%");
    }

    private long insert(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                insert.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
