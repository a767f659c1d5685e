package dz.libertaphonix.scheduler.importing;

import com.fasterxml.jackson.databind.node.TextNode;
import dz.libertaphonix.scheduler.common.ActivityLevel;
import dz.libertaphonix.scheduler.common.ActivityLogger;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerItem;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
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
 * The import's transactions. Each method is one transaction; a batch of orders is written with a
 * handful of set-based statements ({@code unnest} arrays) rather than a statement per row, and is
 * idempotent on {@code (store, ecomanager id)}: an order delivered twice, re-scanned, or inserted by
 * a concurrent run is never stored twice.
 */
@ApplicationScoped
public class ImportWriter {

    private final AgroalDataSource dataSource;
    private final ActivityLogger activity;
    private final Clock clock;

    public ImportWriter(AgroalDataSource dataSource, ActivityLogger activity, Clock clock) {
        this.dataSource = dataSource;
        this.activity = activity;
        this.clock = clock;
    }

    /** What one committed batch did. */
    record BatchOutcome(
            List<Long> insertedOrderIds, Set<Long> insertedEcoManagerIds, int duplicates, List<Quarantine> conflicts) {}

    /** The store's cursor as committed now (another process may have moved it). */
    @Transactional
    public long cursor(long storeId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select import_cursor from stores where id = ?")) {
            select.setLong(1, storeId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("store " + storeId + " no longer exists");
                }
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("reading the cursor", e);
        }
    }

    /** Which of these EcoManager ids the store already has. */
    @Transactional
    public Set<Long> existing(long storeId, Collection<Long> ecomanagerIds) {
        if (ecomanagerIds.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            return existing(connection, storeId, ecomanagerIds);
        } catch (SQLException e) {
            throw failure("looking up existing orders", e);
        }
    }

    /** Open gaps of a store, oldest first. */
    @Transactional
    public List<GapRow> gaps(long storeId) {
        List<GapRow> gaps = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select id, above_id, below_id, resume_cursor from import_gaps
                        where store_id = ? order by opened_at, id
                        """)) {
            select.setLong(1, storeId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    gaps.add(new GapRow(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4)));
                }
            }
            return gaps;
        } catch (SQLException e) {
            throw failure("reading import gaps", e);
        }
    }

    record GapRow(long id, long aboveId, long belowId, String resumeCursor) {}

    /**
     * Records orders that cannot be imported, with their payload and reason; seen again, a row is
     * updated, not duplicated. Each one also gets an activity-log entry.
     */
    @Transactional
    public void quarantine(long storeId, String storeIdentifier, List<Quarantine> orders, UUID runId) {
        if (orders.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            writeQuarantine(connection, storeId, orders, runId);
        } catch (SQLException e) {
            throw failure("quarantining orders", e);
        }
        for (Quarantine order : orders) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("storeId", storeId);
            metadata.put("ecomanagerId", order.ecomanagerId());
            metadata.put("reason", order.reason());
            metadata.put(
                    "payload", order.payload().length() > 8000 ? order.payload().substring(0, 8000) : order.payload());
            activity.log(
                    "order.quarantined",
                    ActivityLevel.WARN,
                    "Store " + storeIdentifier + ": EcoManager order "
                            + (order.ecomanagerId() == null ? "without id" : order.ecomanagerId())
                            + " quarantined: " + order.reason(),
                    "store",
                    storeIdentifier,
                    runId,
                    metadata);
        }
    }

    /**
     * One batch, one transaction: customers upserted by phone, orders inserted (skipping any the
     * store already has), their items and an IMPORT status event, quarantine rows of re-imported
     * orders resolved; then the store's cursor moved to {@code cursorTo} (never backwards) and the
     * gap change applied. Either all of it is committed or none of it.
     *
     * @param cursorTo where the cursor may move once this batch is committed, null to leave it
     * @param gapChange what happens to the store's gaps in the same transaction, or null
     */
    @Transactional
    public BatchOutcome commit(
            long storeId,
            String storeIdentifier,
            List<ImportableOrder> batch,
            UUID runId,
            Long cursorTo,
            GapChange gapChange) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            BatchOutcome outcome = batch.isEmpty()
                    ? new BatchOutcome(List.of(), Set.of(), 0, List.of())
                    : insert(connection, storeId, batch, runId, now);
            if (!outcome.conflicts().isEmpty()) {
                writeQuarantine(connection, storeId, outcome.conflicts(), runId);
            }
            if (cursorTo != null) {
                try (PreparedStatement cursor = connection.prepareStatement(
                        "update stores set import_cursor = greatest(import_cursor, ?) where id = ?")) {
                    cursor.setLong(1, cursorTo);
                    cursor.setLong(2, storeId);
                    cursor.executeUpdate();
                }
            }
            if (gapChange != null) {
                apply(connection, storeId, gapChange, now);
            }
            for (Quarantine conflict : outcome.conflicts()) {
                activity.log(
                        "order.quarantined",
                        ActivityLevel.WARN,
                        "Store " + storeIdentifier + ": EcoManager order " + conflict.ecomanagerId() + " quarantined: "
                                + conflict.reason(),
                        "store",
                        storeIdentifier,
                        runId,
                        Map.of(
                                "storeId",
                                storeId,
                                "ecomanagerId",
                                conflict.ecomanagerId(),
                                "reason",
                                conflict.reason()));
            }
            return outcome;
        } catch (SQLException e) {
            throw failure("committing a batch of orders", e);
        }
    }

    /** Marks the end of a store's import in this run. */
    @Transactional
    public void finished(long storeId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update =
                        connection.prepareStatement("update stores set last_import_at = ? where id = ?")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setLong(2, storeId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure("recording the import time", e);
        }
    }

    private BatchOutcome insert(
            Connection connection, long storeId, List<ImportableOrder> batch, UUID runId, Instant now)
            throws SQLException {
        Timestamp at = Timestamp.from(now);
        // one row per phone (the latest order's details win); sorted so that concurrent importers lock
        // customer rows in the same order and never deadlock
        Map<String, ImportableOrder> byPhone = new TreeMap<>();
        for (ImportableOrder order : batch) {
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
                            byPhone.values().stream()
                                    .map(ImportableOrder::fullName)
                                    .toList()));
            customers.setArray(4, texts(connection, new ArrayList<>(byPhone.keySet())));
            customers.setArray(
                    5,
                    texts(
                            connection,
                            byPhone.values().stream()
                                    .map(ImportableOrder::wilaya)
                                    .toList()));
            customers.setArray(
                    6,
                    texts(
                            connection,
                            byPhone.values().stream()
                                    .map(ImportableOrder::commune)
                                    .toList()));
            customers.executeUpdate();
        }

        List<Long> ids = new ArrayList<>();
        List<String> references = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<String> states = new ArrayList<>();
        List<String> confirmations = new ArrayList<>();
        List<String> orderedAt = new ArrayList<>();
        List<String> totals = new ArrayList<>();
        for (ImportableOrder order : batch) {
            ids.add(order.ecomanagerId());
            references.add(order.reference());
            phones.add(order.phone());
            states.add(order.state());
            confirmations.add(order.confirmationState());
            orderedAt.add(order.orderedAt() == null ? null : order.orderedAt().toString());
            totals.add(order.total().toPlainString());
        }
        Map<Long, Long> inserted = new LinkedHashMap<>();
        try (PreparedStatement orders = connection.prepareStatement("""
                insert into orders (store_id, ecomanager_id, reference, customer_id, status, ecomanager_state,
                                    confirmation_state, ordered_at, total, last_run_id, imported_at, updated_at)
                select ?, t.ecomanager_id, t.reference, c.id, 'PENDING', t.state, t.confirmation,
                       t.ordered_at::timestamptz, t.total::numeric, ?, ?, ?
                from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     as t(ecomanager_id, reference, phone, state, confirmation, ordered_at, total)
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
            orders.setArray(10, texts(connection, orderedAt));
            orders.setArray(11, texts(connection, totals));
            try (ResultSet rows = orders.executeQuery()) {
                while (rows.next()) {
                    inserted.put(rows.getLong(2), rows.getLong(1));
                }
            }
        }

        int duplicates = 0;
        List<Quarantine> conflicts = new ArrayList<>();
        if (inserted.size() < batch.size()) {
            List<Long> missing =
                    ids.stream().filter(id -> !inserted.containsKey(id)).toList();
            Set<Long> present = existing(connection, storeId, missing);
            for (ImportableOrder order : batch) {
                if (inserted.containsKey(order.ecomanagerId())) {
                    continue;
                }
                if (present.contains(order.ecomanagerId())) {
                    duplicates++;
                } else {
                    // the only other unique key of an order: its reference within the store
                    conflicts.add(new Quarantine(
                            order.ecomanagerId(),
                            "reference " + order.reference() + " is already used by another order of this store",
                            order.rawJson()));
                }
            }
        }
        if (inserted.isEmpty()) {
            return new BatchOutcome(List.of(), Set.of(), duplicates, conflicts);
        }

        List<Long> itemOrders = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> productIds = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        List<String> unitPrices = new ArrayList<>();
        List<String> totalPrices = new ArrayList<>();
        for (ImportableOrder order : batch) {
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
            items.setArray(2, connection.createArrayOf("int4", lines.toArray(Integer[]::new)));
            items.setArray(3, texts(connection, productIds));
            items.setArray(4, texts(connection, skus));
            items.setArray(5, texts(connection, titles));
            items.setArray(6, connection.createArrayOf("int4", quantities.toArray(Integer[]::new)));
            items.setArray(7, texts(connection, unitPrices));
            items.setArray(8, texts(connection, totalPrices));
            items.executeUpdate();
        }

        List<Long> orderIds = new ArrayList<>(inserted.values());
        try (PreparedStatement events = connection.prepareStatement("""
                insert into order_status_events (order_id, source, from_status, to_status, run_id, occurred_at)
                select t.order_id, 'IMPORT', null, 'PENDING', ?, ? from unnest(?::bigint[]) as t(order_id)
                """)) {
            events.setObject(1, runId);
            events.setTimestamp(2, at);
            events.setArray(3, longs(connection, orderIds));
            events.executeUpdate();
        }
        try (PreparedStatement resolve = connection.prepareStatement("""
                update quarantined_orders set resolved_at = ?
                where store_id = ? and ecomanager_id = any(?) and resolved_at is null
                """)) {
            resolve.setTimestamp(1, at);
            resolve.setLong(2, storeId);
            resolve.setArray(3, longs(connection, new ArrayList<>(inserted.keySet())));
            resolve.executeUpdate();
        }
        return new BatchOutcome(orderIds, new HashSet<>(inserted.keySet()), duplicates, conflicts);
    }

    private void writeQuarantine(Connection connection, long storeId, List<Quarantine> orders, UUID runId)
            throws SQLException {
        Timestamp at = Timestamp.from(clock.instant());
        try (PreparedStatement withId = connection.prepareStatement("""
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

    private void apply(Connection connection, long storeId, GapChange change, Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        switch (change) {
            case GapChange.Open open -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into import_gaps (store_id, above_id, below_id, resume_cursor, pages_read, opened_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)) {
                    insert.setLong(1, storeId);
                    insert.setLong(2, open.aboveId());
                    insert.setLong(3, open.belowId());
                    insert.setString(4, open.resumeCursor());
                    insert.setInt(5, open.pagesRead());
                    insert.setTimestamp(6, at);
                    insert.setTimestamp(7, at);
                    insert.executeUpdate();
                }
            }
            case GapChange.Shrink shrink -> {
                try (PreparedStatement update = connection.prepareStatement("""
                        update import_gaps set below_id = ?, resume_cursor = ?, pages_read = pages_read + ?, updated_at = ?
                        where id = ? and store_id = ?
                        """)) {
                    update.setLong(1, shrink.belowId());
                    update.setString(2, shrink.resumeCursor());
                    update.setInt(3, shrink.pagesRead());
                    update.setTimestamp(4, at);
                    update.setLong(5, shrink.gapId());
                    update.setLong(6, storeId);
                    update.executeUpdate();
                }
            }
            case GapChange.Close close -> {
                try (PreparedStatement delete =
                        connection.prepareStatement("delete from import_gaps where id = ? and store_id = ?")) {
                    delete.setLong(1, close.gapId());
                    delete.setLong(2, storeId);
                    delete.executeUpdate();
                }
            }
        }
    }

    private static Set<Long> existing(Connection connection, long storeId, Collection<Long> ecomanagerIds)
            throws SQLException {
        Set<Long> found = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select ecomanager_id from orders where store_id = ? and ecomanager_id = any(?)")) {
            select.setLong(1, storeId);
            select.setArray(2, connection.createArrayOf("bigint", ecomanagerIds.toArray(Long[]::new)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getLong(1));
                }
            }
        }
        return found;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static Array longs(Connection connection, List<Long> values) throws SQLException {
        return connection.createArrayOf("bigint", values.toArray(Long[]::new));
    }

    private static Array texts(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("database error while " + what + ": " + e.getMessage(), e);
    }
}
