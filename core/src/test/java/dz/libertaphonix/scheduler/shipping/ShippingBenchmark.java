package dz.libertaphonix.scheduler.shipping;

import dz.libertaphonix.scheduler.maystro.MaystroCredentials;
import dz.libertaphonix.scheduler.maystro.MaystroParcel;
import dz.libertaphonix.scheduler.orders.StatusEventSource;
import dz.libertaphonix.scheduler.shipping.changes.ShippingChange;
import dz.libertaphonix.scheduler.shipping.changes.ShippingChangeApplier;
import dz.libertaphonix.scheduler.shipping.changes.ShippingRules;
import dz.libertaphonix.scheduler.shipping.matching.OrderShippingState;
import dz.libertaphonix.scheduler.shipping.matching.ShipmentGateway;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.MaystroFake;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import dz.libertaphonix.scheduler.testsupport.ShippingFixtures;
import dz.libertaphonix.scheduler.testsupport.TestJobContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shipping sync against a fake Maystro with a fixed per-request latency (run it with
 * {@code bench/run core ShippingBenchmark}). Prints {@code BENCH} lines:
 *
 * <ol>
 *   <li>reconcile throughput (read, decide, write) of the batched writer on 100,000 orders vs a
 *       per-row loop (read, update, insert an event, commit, order by order) on a 2,000-order
 *       sample, both measured here;
 *   <li>wall time of a 100,000-open-order / 120,000-parcel run vs the ideal
 *       {@code requests x latency / 10};
 *   <li>requests for 50 open orders vs the old system's fixed 350 pages;
 *   <li>peak live heap of a 10,000- and a 100,000-open-order run.
 * </ol>
 *
 * Figures are ratios against baselines of the same run: the machines are shared and noisy.
 */
@Tag("bench")
@QuarkusTest
@TestProfile(ShippingBenchmark.Unthrottled.class)
@QuarkusTestResource(RealServicesResource.class)
class ShippingBenchmark {

    private static final Duration LATENCY = Duration.ofMillis(100);
    private static final int OLD_SYSTEM_PAGES = 350;

    /** The key's budget wide open and a page cap above 6,000: the benchmark measures the sync, not the limiter. */
    public static class Unthrottled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "scheduler.maystro.rate-limit.per-second", "100000",
                    "scheduler.maystro.rate-limit.per-minute", "10000000",
                    "scheduler.maystro.rate-limit.per-hour", "100000000",
                    "scheduler.maystro.read-timeout", "10s",
                    "scheduler.shipping.page-cap", "10000");
        }
    }

    @Inject
    ShippingStatusSync sync;

    @Inject
    ShippingFixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ShipmentGateway shipments;

    @Inject
    ShippingRules rules;

    @Inject
    ShippingChangeApplier updater;

    @Test
    void shippingSync() throws Exception {
        try (MaystroFake maystro = MaystroFake.standalone()) {
            maystro.latency(LATENCY);

            // (3) 50 open orders among 7,000 parcels: the old system always read 350 pages
            Quiet quiet = new Quiet("QUIET", ShippingFixtures.era(), 7_000, 50);
            seed(quiet.prefix, quiet.era, 7_000, 50, 100, 5_000_000);
            AccountSyncResult fifty = run(maystro, quiet, null).accounts().get(0);
            print("shipping.requests_50_open", fifty.requests(), "requests");
            print("shipping.requests_old_system_50_open", OLD_SYSTEM_PAGES, "requests");
            print("shipping.request_reduction_50_open", (double) OLD_SYSTEM_PAGES / fifty.requests(), "x");
            System.out.printf(
                    "# 50 open: %s, %s, stopped %s, checked %d%n",
                    fifty.strategy(), fifty.strategyReason(), fifty.stoppedBecause(), fifty.checked());

            // (4) peak live heap, 10,000 then 100,000 open orders, sampled after a GC at eight points of each walk
            Bulk small = new Bulk("SMALL", ShippingFixtures.era(), 10_000);
            seed(small.prefix, small.era, 10_000, 10_000, 10_000, 3_000_000);
            long baselineSmall = liveHeap();
            HeapSampler smallSampler = new HeapSampler(small.pages() / 8);
            run(maystro, small, smallSampler);
            Bulk heap = new Bulk("HEAP", ShippingFixtures.era(), 100_000);
            seed(heap.prefix, heap.era, 100_000, 100_000, 100_000, 1_000_000);
            long baselineLarge = liveHeap();
            HeapSampler largeSampler = new HeapSampler(heap.pages() / 8);
            run(maystro, heap, largeSampler);
            print("shipping.peak_heap_10k_open", mb(smallSampler.peak), "MB");
            print("shipping.peak_heap_100k_open", mb(largeSampler.peak), "MB");
            print("shipping.peak_heap_ratio_100k_vs_10k", (double) largeSampler.peak / smallSampler.peak, "x");
            print("shipping.peak_heap_above_baseline_10k_open", mb(smallSampler.peak - baselineSmall), "MB");
            print("shipping.peak_heap_above_baseline_100k_open", mb(largeSampler.peak - baselineLarge), "MB");

            // (2) wall time of 100,000 open orders / 120,000 parcels against requests x latency / 10
            Bulk wall = new Bulk("WALL", ShippingFixtures.era(), 100_000);
            seed(wall.prefix, wall.era, 100_000, 100_000, 100_000, 0);
            long started = System.nanoTime();
            ShippingSyncReport report = run(maystro, wall, null);
            double seconds = (System.nanoTime() - started) / 1e9;
            AccountSyncResult big = report.accounts().get(0);
            double ideal = big.requests() * LATENCY.toMillis() / 1000.0 / 10;
            print("shipping.walk_requests_100k_open", big.requests(), "requests");
            print("shipping.walk_wall_time_100k_open", seconds, "s");
            print("shipping.walk_ideal_time_100k_open", ideal, "s");
            print("shipping.walk_wall_vs_ideal", seconds / ideal, "x");
            print("shipping.walk_most_pages_in_flight_client", big.mostInFlight(), "pages");
            print("shipping.walk_most_requests_in_hand_server", maystro.mostInHand(wall.key), "requests");
            print("shipping.walk_reconcile_rate_100k_open", big.checked() / seconds, "orders/s");
            System.out.printf(
                    "# 100k open: checked %d, changed %d %s, unchanged %d, not found %d, not checked %d, %s%n",
                    big.checked(),
                    big.changed(),
                    big.changedByStatus(),
                    big.unchanged(),
                    big.notFound(),
                    big.notChecked(),
                    big.stoppedBecause());

            // (1) reconcile throughput: batched writer on 100,000 orders vs per-row statements on 2,000
            Instant batchedEra = ShippingFixtures.era();
            long batchedStore = seed("BATCHED", batchedEra, 100_000, 100_000, 100_000, 2_000_000);
            double batched = batchedReconcile(batchedStore, batchedEra);
            Instant perRowEra = ShippingFixtures.era();
            long perRowStore = seed("PERROW", perRowEra, 2_000, 2_000, 2_000, 4_000_000);
            double perRow = perRowReconcile(perRowStore, perRowEra);
            print("shipping.reconcile_batched_100k", batched, "orders/s");
            print("shipping.reconcile_per_row_2k", perRow, "orders/s");
            print("shipping.reconcile_speedup", batched / perRow, "x");
        }
    }

    private ShippingSyncReport run(MaystroFake maystro, Scenario scenario, HeapSampler sampler) {
        maystro.serve(scenario.key(), scenario);
        UUID runId = fixtures.run(scenario.era());
        MaystroCredentials account = new MaystroCredentials(
                scenario.prefix().toLowerCase(Locale.ROOT), scenario.key(), URI.create(maystro.baseUrl()));
        TestJobContext context = TestJobContext.shippingAt(runId, scenario.era())
                .onProgress(progress -> {
                    if (sampler != null && "pages".equals(progress.unit())) {
                        sampler.at(progress.done());
                    }
                });
        return sync.run(List.of(account), context);
    }

    // ---- (1) reconcile: read, decide, write -----------------------------------------------------

    private double batchedReconcile(long storeId, Instant era) {
        List<Long> ids = orderIds(storeId);
        UUID runId = fixtures.run(era);
        long started = System.nanoTime();
        for (int from = 0; from < ids.size(); from += 100) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 100));
            Map<Long, OrderShippingState> states = shipments.states(chunk);
            List<ShippingChange> changes = new ArrayList<>(chunk.size());
            for (long id : chunk) {
                OrderShippingState state = states.get(id);
                rules.decide(state, delivered(state, era), "bench").ifPresent(changes::add);
            }
            updater.apply(changes, StatusEventSource.SHIPPING_SYNC, runId);
        }
        return ids.size() / ((System.nanoTime() - started) / 1e9);
    }

    private double perRowReconcile(long storeId, Instant era) {
        List<Long> ids = orderIds(storeId);
        UUID runId = fixtures.run(era);
        long started = System.nanoTime();
        for (long id : ids) {
            // what a straightforward per-row service does: read the order, update it, add an event, commit
            QuarkusTransaction.requiringNew().run(() -> reconcileOne(id, era, runId));
        }
        return ids.size() / ((System.nanoTime() - started) / 1e9);
    }

    private void reconcileOne(long id, Instant era, UUID runId) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            String fromStatus;
            Integer fromCode;
            try (PreparedStatement select =
                    connection.prepareStatement("select status, shipping_status_code from orders where id = ?")) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    fromStatus = rows.getString(1);
                    fromCode = rows.getObject(2, Integer.class);
                }
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    update orders set status = 'DELIVERED', shipping_status_code = 41, shipping_status_label = 'LIVRÉ',
                           shipping_delivered_at = ?, shipping_synced_at = ?, last_run_id = ?, updated_at = ?
                    where id = ?""")) {
                update.setTimestamp(1, Timestamp.from(era.minus(Duration.ofHours(2))));
                update.setTimestamp(2, now);
                update.setObject(3, runId);
                update.setTimestamp(4, now);
                update.setLong(5, id);
                update.executeUpdate();
            }
            try (PreparedStatement event = connection.prepareStatement("""
                    insert into order_status_events (order_id, source, from_status, to_status, from_shipping_code,
                                                     to_shipping_code, run_id, occurred_at, details)
                    values (?, 'SHIPPING_SYNC', ?, 'DELIVERED', ?, 41, ?, ?, '{"label": "LIVRÉ", "account": "bench"}')""")) {
                event.setLong(1, id);
                event.setString(2, fromStatus);
                event.setObject(3, fromCode);
                event.setObject(4, runId);
                event.setTimestamp(5, now);
                event.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MaystroParcel delivered(OrderShippingState state, Instant era) {
        return new MaystroParcel(
                state.maystroOrderId(),
                state.reference(),
                41,
                state.trackingNumber(),
                false,
                null,
                era.minus(Duration.ofDays(1)),
                null,
                era.minus(Duration.ofHours(2)),
                null,
                null,
                null);
    }

    // ---- data ------------------------------------------------------------------------------------

    /**
     * {@code count} orders of a new store, references {@code <prefix>-<k>}: the first {@code open} are
     * confirmed and shipped (31), the rest delivered (41); the first {@code recent} were placed two
     * days before the era, the others ten. One statement for customers and orders together.
     */
    private long seed(String prefix, Instant era, int count, int open, int recent, long phoneOffset)
            throws SQLException {
        Store store = fixtures.store();
        String sql = """
                with c as (
                  insert into customers (full_name, phone, wilaya, commune, created_at, updated_at)
                  select 'Client ' || g, '0' || (5 + g % 3)::text || lpad((? + g)::text, 8, '0'),
                         'Alger', 'Bab Ezzouar', ?, ?
                  from generate_series(0, ? - 1) g
                  returning id, (substr(phone, 3))::bigint - ? as k)
                insert into orders (store_id, ecomanager_id, reference, customer_id, status, ecomanager_state, total,
                                    ordered_at, imported_at, updated_at, shipping_status_code, shipping_status_label,
                                    tracking_number, maystro_order_id)
                select ?, c.k + 1, ? || '-' || c.k, c.id,
                       case when c.k < ? then 'CONFIRMED' else 'DELIVERED' end, 'Confirmé', 4500,
                       case when c.k < ? then ?::timestamptz else ?::timestamptz end, ?, ?,
                       case when c.k < ? then 31 else 41 end,
                       case when c.k < ? then 'EXPÉDIÉ' else 'LIVRÉ' end,
                       'MYS' || ? || c.k, ? || 'ID' || c.k
                from c""";
        Timestamp now = Timestamp.from(era.minus(Duration.ofDays(1)));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            statement.setLong(i++, phoneOffset);
            statement.setTimestamp(i++, now);
            statement.setTimestamp(i++, now);
            statement.setInt(i++, count);
            statement.setLong(i++, phoneOffset);
            statement.setLong(i++, store.id);
            statement.setString(i++, prefix);
            statement.setInt(i++, open);
            statement.setInt(i++, recent);
            statement.setTimestamp(i++, Timestamp.from(era.minus(Duration.ofDays(2))));
            statement.setTimestamp(i++, Timestamp.from(era.minus(Duration.ofDays(10))));
            statement.setTimestamp(i++, now);
            statement.setTimestamp(i++, now);
            statement.setInt(i++, open);
            statement.setInt(i++, open);
            statement.setString(i++, prefix);
            statement.setString(i, prefix);
            statement.executeUpdate();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement analyze = connection.prepareStatement("analyze orders")) {
            analyze.execute();
        }
        return store.id;
    }

    private List<Long> orderIds(long storeId) {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("select id from orders where store_id = ? order by id")) {
            statement.setLong(1, storeId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** A newest-first parcel list for the fake, generated on demand. */
    private interface Scenario extends MaystroFake.Dataset {
        String prefix();

        Instant era();

        String key();
    }

    /**
     * 100,000 (or 10,000) open orders and a fifth more parcels: every sixth parcel is another
     * business's. Of ours, 40 % are now delivered, 5 % cancelled, 5 % taken back, 20 % alerted and
     * 30 % unchanged.
     */
    private record Bulk(String prefix, Instant era, int orders, String key) implements Scenario {

        Bulk(String prefix, Instant era, int orders) {
            this(prefix, era, orders, "bench_" + UUID.randomUUID().toString().replace("-", ""));
        }

        int pages() {
            return Math.ceilDiv(size(), 20);
        }

        @Override
        public int size() {
            return orders + orders / 5;
        }

        @Override
        public void parcel(int index, StringBuilder json) {
            Instant created = era.minus(Duration.ofHours(1)).minusSeconds(index);
            if (index % 6 == 5) {
                Parcels.write(
                        json, "EXT" + prefix + index, "EXT-" + prefix + "-" + index, "EXTMYS" + index, 31, created);
                return;
            }
            int k = index - (index + 1) / 6;
            int bucket = k % 20;
            int code = bucket < 8 ? 41 : bucket == 8 ? 50 : bucket == 9 ? 52 : bucket < 14 ? 32 : 31;
            Parcels.write(json, prefix + "ID" + k, prefix + "-" + k, "MYS" + prefix + k, code, created);
        }

        @Override
        public int indexOf(String reference) {
            int k = Integer.parseInt(reference.substring(reference.lastIndexOf('-') + 1));
            return k + k / 5;
        }
    }

    /**
     * A quiet shop: {@code parcels} parcels, one per order; the 50 open orders are among the 100
     * newest, interleaved with 50 delivered ones; everything older was delivered long ago.
     */
    private record Quiet(String prefix, Instant era, int parcels, int open, String key) implements Scenario {

        Quiet(String prefix, Instant era, int parcels, int open) {
            this(
                    prefix,
                    era,
                    parcels,
                    open,
                    "bench_" + UUID.randomUUID().toString().replace("-", ""));
        }

        @Override
        public int size() {
            return parcels;
        }

        private int orderAt(int index) {
            if (index < 2 * open) {
                return index % 2 == 0 ? index / 2 : open + index / 2;
            }
            return index;
        }

        @Override
        public void parcel(int index, StringBuilder json) {
            int k = orderAt(index);
            Parcels.write(
                    json,
                    prefix + "ID" + k,
                    prefix + "-" + k,
                    "MYS" + prefix + k,
                    k < open ? 32 : 41,
                    era.minus(Duration.ofHours(1)).minusSeconds(60L * index));
        }

        @Override
        public int indexOf(String reference) {
            int k = Integer.parseInt(reference.substring(reference.lastIndexOf('-') + 1));
            return k < open ? 2 * k : k < 2 * open ? 2 * (k - open) + 1 : k;
        }
    }

    private static final class Parcels {

        static void write(StringBuilder json, String id, String reference, String tracking, int code, Instant created) {
            json.append("{\"id\":\"")
                    .append(id)
                    .append("\",\"instance_uuid\":null,\"display_id\":\"")
                    .append(id)
                    .append("\",\"tracking_number\":\"")
                    .append(tracking)
                    .append("\",\"external_order_id\":\"")
                    .append(reference)
                    .append("\",\"status\":")
                    .append(code)
                    .append(",\"customer_name\":\"Yacine Boukhari\",\"customer_phone\":null,\"wilaya\":16,")
                    .append("\"commune_name\":\"Bab Ezzouar\",\"product_name\":\"Coffret soin argan\",")
                    .append("\"product_price\":\"4500.00\",\"created_at\":\"")
                    .append(created)
                    .append("\",\"last_update\":null,\"delivered_at\":")
                    .append(code == 41 ? "\"" + created.plus(Duration.ofHours(20)) + "\"" : "null")
                    .append(",\"alerted_at\":")
                    .append(code == 32 ? "\"" + created.plus(Duration.ofHours(10)) + "\"" : "null")
                    .append(",\"alert_reason\":")
                    .append(code == 32 ? "\"Client injoignable\"" : "null")
                    .append(",\"abort_reason\":")
                    .append(code == 50 ? "{\"id\":3,\"label\":\"Annulé par le client\"}" : "null")
                    .append('}');
        }
    }

    // ---- measuring -------------------------------------------------------------------------------

    /** Live heap at a few points of a walk: after a full GC, what the run still holds. */
    private static final class HeapSampler {

        private final long every;
        private long next;
        long peak;

        HeapSampler(long every) {
            this.every = Math.max(1, every);
            this.next = this.every;
        }

        void at(long pagesDone) {
            if (pagesDone >= next) {
                next += every;
                peak = Math.max(peak, liveHeap());
            }
        }
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static void print(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s %.2f %s", name, value, unit));
    }
}
