package dz.libertaphonix.scheduler.orders;

import static dz.libertaphonix.scheduler.orders.SqlArrays.ints;
import static dz.libertaphonix.scheduler.orders.SqlArrays.longs;
import static dz.libertaphonix.scheduler.orders.SqlArrays.texts;

import dz.libertaphonix.scheduler.ecomanager.EcoManagerItem;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The rows of an imported order: {@code customers}, {@code orders} and {@code order_items}, written
 * for a whole batch with one set-based statement each ({@code unnest} arrays) rather than a
 * statement per row. Inserts are idempotent on {@code (store, ecomanager id)}: an order delivered
 * twice, re-scanned, or inserted by a concurrent run is never stored twice.
 */
@ApplicationScoped
public class OrderGateway {

    private final AgroalDataSource dataSource;

    public OrderGateway(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Which of these references the store's orders already use (an insert would refuse them). */
    @Transactional
    public Set<String> takenReferences(long storeId, Collection<String> references) {
        if (references.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select reference from orders where store_id = ? and reference = any(?)")) {
            select.setLong(1, storeId);
            select.setArray(2, connection.createArrayOf("text", references.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        } catch (SQLException e) {
            throw SqlArrays.failure("looking up taken references", e);
        }
    }

    /** Which of these EcoManager ids the store already has. */
    // one read: autocommit, or the caller's transaction when there is one; a transaction of its
    // own would only add a begin and a commit on the webhook's hot path
    public Set<Long> existing(long storeId, Collection<Long> ecomanagerIds) {
        if (ecomanagerIds.isEmpty()) {
            return Set.of();
        }
        Set<Long> found = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select ecomanager_id from orders where store_id = ? and ecomanager_id = any(?)")) {
            select.setLong(1, storeId);
            select.setArray(2, longs(connection, ecomanagerIds));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getLong(1));
                }
            }
            return found;
        } catch (SQLException e) {
            throw SqlArrays.failure("looking up existing orders", e);
        }
    }

    /**
     * Upserts the batch's customers by phone (the latest order's details win), inserts the orders the
     * store does not have yet as PENDING, and their items.
     *
     * @return EcoManager id → order id of the orders inserted; an order left out was already there,
     *     or collides with another order's unique key
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, Long> insert(long storeId, List<NewOrder> batch, UUID runId, Instant at) {
        try (Connection connection = dataSource.getConnection()) {
            Timestamp now = Timestamp.from(at);
            upsertCustomers(connection, batch, now);
            Map<Long, Long> inserted = insertOrders(connection, storeId, batch, runId, now);
            if (!inserted.isEmpty()) {
                insertItems(connection, batch, inserted);
            }
            return inserted;
        } catch (SQLException e) {
            throw SqlArrays.failure("inserting a batch of orders", e);
        }
    }

    private static void upsertCustomers(Connection connection, List<NewOrder> batch, Timestamp at) throws SQLException {
        // one row per phone (the latest order's details win); sorted so that concurrent importers lock
        // customer rows in the same order and never deadlock
        Map<String, NewOrder> byPhone = new TreeMap<>();
        for (NewOrder order : batch) {
            byPhone.put(order.phone(), order);
        }
        try (PreparedStatement customers = connection.prepareStatement("""
                insert into customers (full_name, phone, wilaya, commune, created_at, updated_at)
                select t.full_name, t.phone, t.wilaya, t.commune, ?, ?
                from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as t(full_name, phone, wilaya, commune)
                order by t.phone
                on conflict (phone) do update
                    set full_name = excluded.full_name,
                        wilaya = coalesce(excluded.wilaya, customers.wilaya),
                        commune = coalesce(excluded.commune, customers.commune),
                        updated_at = excluded.updated_at
                """)) {
            customers.setTimestamp(1, at);
            customers.setTimestamp(2, at);
            customers.setArray(
                    3,
                    texts(
                            connection,
                            byPhone.values().stream().map(NewOrder::fullName).toList()));
            customers.setArray(4, texts(connection, byPhone.keySet()));
            customers.setArray(
                    5,
                    texts(
                            connection,
                            byPhone.values().stream().map(NewOrder::wilaya).toList()));
            customers.setArray(
                    6,
                    texts(
                            connection,
                            byPhone.values().stream().map(NewOrder::commune).toList()));
            customers.executeUpdate();
        }
    }

    private static Map<Long, Long> insertOrders(
            Connection connection, long storeId, List<NewOrder> batch, UUID runId, Timestamp at) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> references = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<String> states = new ArrayList<>();
        List<String> confirmations = new ArrayList<>();
        List<String> orderedAt = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        List<String> totals = new ArrayList<>();
        for (NewOrder order : batch) {
            ids.add(order.ecomanagerId());
            references.add(order.reference());
            phones.add(order.phone());
            states.add(order.state());
            confirmations.add(order.confirmationState());
            orderedAt.add(order.orderedAt() == null ? null : order.orderedAt().toString());
            versions.add(
                    order.ecomanagerUpdatedAt() == null
                            ? null
                            : order.ecomanagerUpdatedAt().toString());
            totals.add(order.total().toPlainString());
        }
        Map<Long, Long> inserted = new LinkedHashMap<>();
        try (PreparedStatement orders = connection.prepareStatement("""
                insert into orders (store_id, ecomanager_id, reference, customer_id, status, ecomanager_state,
                                    confirmation_state, ecomanager_updated_at, ordered_at, total, last_run_id,
                                    imported_at, updated_at)
                select ?, t.ecomanager_id, t.reference, c.id, 'PENDING', t.state, t.confirmation,
                       t.version::timestamptz, t.ordered_at::timestamptz, t.total::numeric, ?, ?, ?
                from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     as t(ecomanager_id, reference, phone, state, confirmation, version, ordered_at, total)
                join customers c on c.phone = t.phone
                order by t.ecomanager_id
                on conflict do nothing
                returning id, ecomanager_id
                """)) {
            orders.setLong(1, storeId);
            orders.setObject(2, runId);
            orders.setTimestamp(3, at);
            orders.setTimestamp(4, at);
            orders.setArray(5, longs(connection, ids));
            orders.setArray(6, texts(connection, references));
            orders.setArray(7, texts(connection, phones));
            orders.setArray(8, texts(connection, states));
            orders.setArray(9, texts(connection, confirmations));
            orders.setArray(10, texts(connection, versions));
            orders.setArray(11, texts(connection, orderedAt));
            orders.setArray(12, texts(connection, totals));
            try (ResultSet rows = orders.executeQuery()) {
                while (rows.next()) {
                    inserted.put(rows.getLong(2), rows.getLong(1));
                }
            }
        }
        return inserted;
    }

    private static void insertItems(Connection connection, List<NewOrder> batch, Map<Long, Long> inserted)
            throws SQLException {
        List<Long> itemOrders = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> productIds = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        List<String> unitPrices = new ArrayList<>();
        List<String> totalPrices = new ArrayList<>();
        for (NewOrder order : batch) {
            Long orderId = inserted.get(order.ecomanagerId());
            if (orderId == null) {
                continue;
            }
            int line = 0;
            for (EcoManagerItem item : order.items()) {
                itemOrders.add(orderId);
                lines.add(++line);
                productIds.add(item.productId());
                skus.add(item.sku());
                titles.add(item.title());
                quantities.add(item.quantity());
                unitPrices.add(plain(item.unitPrice()));
                totalPrices.add(plain(item.totalPrice()));
            }
        }
        try (PreparedStatement items = connection.prepareStatement("""
                insert into order_items (order_id, line_no, product_id, sku, title, quantity, unit_price, total_price)
                select t.order_id, t.line_no, t.product_id, t.sku, t.title, t.quantity, t.unit_price::numeric,
                       t.total_price::numeric
                from unnest(?::bigint[], ?::int[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[])
                     as t(order_id, line_no, product_id, sku, title, quantity, unit_price, total_price)
                """)) {
            items.setArray(1, longs(connection, itemOrders));
            items.setArray(2, ints(connection, lines));
            items.setArray(3, texts(connection, productIds));
            items.setArray(4, texts(connection, skus));
            items.setArray(5, texts(connection, titles));
            items.setArray(6, ints(connection, quantities));
            items.setArray(7, texts(connection, unitPrices));
            items.setArray(8, texts(connection, totalPrices));
            items.executeUpdate();
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
