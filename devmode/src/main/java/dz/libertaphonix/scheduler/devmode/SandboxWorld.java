package dz.libertaphonix.scheduler.devmode;

import dz.libertaphonix.scheduler.devmode.SandboxCatalog.Product;
import dz.libertaphonix.scheduler.devmode.SandboxCatalog.Wilaya;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sandbox's make-believe shops. Everything is derived from the store code, the order id and the
 * time elapsed since the sandbox started, so the same question always gets the same answer and
 * nothing needs storing: new orders appear every {@code interval}; some orders reach {@code En
 * dispatch} only minutes after later ones exist. Their parcels are {@link SandboxParcels}'.
 */
@ApplicationScoped
public class SandboxWorld {

    static final List<String> STORES = List.of("NATU", "KITCH", "MODA");
    private static final int BACKLOG = 150;
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final ZoneOffset ALGIERS = ZoneOffset.ofHours(1);

    private final Clock clock;
    private final Instant epoch;
    private final Duration interval;
    private final Duration lateDispatch;
    private final Duration parcelStep;

    public SandboxWorld(
            Clock clock,
            @ConfigProperty(name = "scheduler.sandbox.new-order-interval", defaultValue = "20s") Duration interval,
            @ConfigProperty(name = "scheduler.sandbox.late-dispatch-delay", defaultValue = "2m") Duration lateDispatch,
            @ConfigProperty(name = "scheduler.sandbox.parcel-step", defaultValue = "90s") Duration parcelStep) {
        this.clock = clock;
        this.epoch = clock.instant();
        this.interval = interval;
        this.lateDispatch = lateDispatch;
        this.parcelStep = parcelStep;
    }

    Clock clock() {
        return clock;
    }

    /** How long a late order waits before it reaches En dispatch. */
    Duration lateDispatch() {
        return lateDispatch;
    }

    /** How long a parcel stays at each status of its journey. */
    Duration parcelStep() {
        return parcelStep;
    }

    /** The token the sandbox accepts for a store; the dev data registers stores with it. */
    public static String tokenFor(String store) {
        return "sandbox-token-" + store.toLowerCase(Locale.ROOT);
    }

    public static final String MAYSTRO_KEY = "sandbox-maystro-key";

    public boolean knows(String store) {
        return STORES.contains(store);
    }

    long firstId(String store) {
        return 170_000 + Math.floorMod(store.hashCode(), 50) * 1_000L;
    }

    long latestId(String store) {
        long elapsed = Duration.between(epoch, clock.instant()).toMillis();
        return firstId(store) + BACKLOG - 1 + elapsed / Math.max(1, interval.toMillis());
    }

    Instant createdAt(String store, long id) {
        long fromLatestAtEpoch = id - (firstId(store) + BACKLOG - 1);
        // backlog orders are spread over the hours before the sandbox started
        return fromLatestAtEpoch <= 0
                ? epoch.minus(Duration.ofMinutes(7).multipliedBy(-fromLatestAtEpoch + 1))
                : epoch.plus(interval.multipliedBy(fromLatestAtEpoch));
    }

    static Random random(String store, long id) {
        return new Random(store.hashCode() * 1_000_003L + id);
    }

    /** The order's state label now. */
    String state(String store, long id) {
        int kind = Math.floorMod(random(store, id).nextInt(), 100);
        if (kind < 6) {
            return "Annulé";
        }
        if (kind < 18) {
            // arrives in dispatch after newer orders exist: caught by the import's re-scan window
            return clock.instant().isBefore(createdAt(store, id).plus(lateDispatch)) ? "Nouvelle" : "En dispatch";
        }
        if (kind < 24) {
            return "Confirmé";
        }
        return "En dispatch";
    }

    /** Orders newest first, with id below {@code beforeId} (exclusive), at most {@code limit}. */
    List<Map<String, Object>> orders(String store, long beforeId, int limit) {
        List<Map<String, Object>> page = new ArrayList<>();
        long from = Math.min(beforeId - 1, latestId(store));
        for (long id = from; id >= firstId(store) && page.size() < limit; id--) {
            page.add(order(store, id));
        }
        return page;
    }

    Map<String, Object> order(String store, long id) {
        Random random = random(store, id);
        random.nextInt(); // the draw state() uses
        String first = pick(random, SandboxCatalog.FIRST_NAMES);
        String last = pick(random, SandboxCatalog.LAST_NAMES);
        Wilaya wilaya = pick(random, SandboxCatalog.WILAYAS);
        String commune = pick(random, wilaya.communes());
        String phone = phone(random);
        int lines = 1 + random.nextInt(3);
        List<Map<String, Object>> items = new ArrayList<>();
        long total = 0;
        for (int line = 0; line < lines; line++) {
            Product product = pick(random, SandboxCatalog.PRODUCTS);
            int quantity = 1 + random.nextInt(2);
            long lineTotal = (long) product.priceDzd() * quantity;
            total += lineTotal;
            Map<String, Object> item = new LinkedHashMap<>();
            // EcoManager sends product ids as strings or numbers, and prices in three shapes
            item.put("product_id", id % 2 == 0 ? product.id() : Long.valueOf(product.id()));
            item.put("title", product.title());
            item.put("quantity", quantity);
            item.put("sku", product.sku());
            switch ((int) (id % 3)) {
                case 0 -> {
                    item.put("unit_price", product.priceDzd());
                    item.put("total_price", lineTotal);
                }
                case 1 -> item.put("selling_price", product.priceDzd());
                default -> item.put("unit_price", Integer.toString(product.priceDzd()));
            }
            items.add(item);
        }
        long shipping = 400 + 100L * random.nextInt(6);
        total += shipping;
        Instant created = createdAt(store, id);
        String date = (id % 2 == 0 ? SPACED : ISO_LOCAL).format(created.atOffset(ALGIERS));

        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", id % 7 == 0 ? (Object) Long.toString(id) : (Object) id);
        order.put("reference", store + "-" + id);
        order.put("order_state_name", state(store, id));
        order.put("confirmation_state_name", null);
        order.put("full_name", first + " " + last);
        order.put("telephone", id % 11 == 0 ? "+213" + phone.substring(1) : phone);
        order.put("wilaya", wilaya.name());
        order.put("commune", commune);
        order.put("items", items);
        // one order in 97 carries an unparsable total: the import must quarantine it, not crash
        order.put("total", id % 97 == 0 ? "n/a" : id % 5 == 0 ? total + ".00" : (Object) total);
        order.put("shipping_price", shipping);
        order.put("created_at", date);
        order.put("updated_at", date);
        order.put("source", "sandbox");
        return order;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String phone(Random random) {
        return "0" + (5 + random.nextInt(3)) + String.format("%08d", random.nextInt(100_000_000));
    }
}
