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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sandbox's make-believe shops and courier. Everything is derived from the store code, the
 * order id and the time elapsed since the sandbox started, so the same question always gets the
 * same answer and nothing needs storing: new orders appear every {@code interval}; some orders
 * reach {@code En dispatch} only minutes after later ones exist; dispatched orders become parcels
 * that move through Maystro's real status codes, some alerted, postponed, cancelled or returned.
 */
@ApplicationScoped
public class SandboxWorld {

    static final List<String> STORES = List.of("NATU", "KITCH", "MODA");
    private static final int BACKLOG = 150;
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final ZoneOffset ALGIERS = ZoneOffset.ofHours(1);

    // Maystro journeys: status codes a parcel goes through, one step per parcelStep
    private static final int[][] JOURNEYS = {
        {4, 5, 9, 22, 31, 41},
        {4, 5, 9, 22, 31, 41},
        {4, 5, 9, 22, 31, 41},
        {4, 5, 15, 9, 31, 41},
        {4, 5, 9, 31, 32, 42, 31, 41},
        {4, 5, 50},
        {4, 5, 9, 31, 32, 10, 51, 52},
        {4, 5, 8, 11, 12},
        {4, 6, 9, 31, 53},
        {4, 5, 9, 61}
    };

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

    private static Random random(String store, long id) {
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

    // ---------------------------------------------------------------------------------------
    // Maystro
    // ---------------------------------------------------------------------------------------

    /** Every parcel that exists now, newest first. */
    List<Map<String, Object>> parcels() {
        record Key(String store, long id, Instant created) {}
        List<Key> keys = new ArrayList<>();
        Instant now = clock.instant();
        for (String store : STORES) {
            for (long id = latestId(store); id >= firstId(store); id--) {
                Instant parcelCreated = parcelCreatedAt(store, id);
                if (parcelCreated != null && !parcelCreated.isAfter(now)) {
                    keys.add(new Key(store, id, parcelCreated));
                }
            }
        }
        keys.sort(Comparator.comparing(Key::created).reversed().thenComparing(Key::store));
        return keys.stream().map(key -> parcel(key.store(), key.id())).toList();
    }

    Optional<Map<String, Object>> parcelFor(String reference) {
        int dash = reference.lastIndexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String store = reference.substring(0, dash);
        long id;
        try {
            id = Long.parseLong(reference.substring(dash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (!knows(store) || id < firstId(store) || id > latestId(store)) {
            return Optional.empty();
        }
        Instant created = parcelCreatedAt(store, id);
        return created == null || created.isAfter(clock.instant()) ? Optional.empty() : Optional.of(parcel(store, id));
    }

    /** Orders that were dispatched become parcels a few minutes later; others never do. */
    private Instant parcelCreatedAt(String store, long id) {
        int kind = Math.floorMod(random(store, id).nextInt(), 100);
        if (kind < 6 || (kind >= 18 && kind < 24)) {
            return null;
        }
        Instant base = createdAt(store, id);
        return kind < 18 ? base.plus(lateDispatch).plus(parcelStep) : base.plus(parcelStep);
    }

    private Map<String, Object> parcel(String store, long id) {
        Random random = new Random(id * 31 + store.hashCode());
        int[] journey = JOURNEYS[Math.floorMod(random.nextInt(), JOURNEYS.length)];
        Instant created = parcelCreatedAt(store, id);
        long steps = Duration.between(created, clock.instant()).toMillis() / Math.max(1, parcelStep.toMillis());
        int status = journey[(int) Math.min(steps, journey.length - 1)];
        Instant lastUpdate = created.plus(parcelStep.multipliedBy(Math.min(steps, journey.length - 1)));
        Map<String, Object> order = order(store, id);
        int internalId = (int) (Math.floorMod(store.hashCode(), 90) * 100_000 + id % 100_000);

        Map<String, Object> parcel = new LinkedHashMap<>();
        parcel.put("id", internalId);
        parcel.put(
                "instance_uuid", UUID.nameUUIDFromBytes((store + id).getBytes()).toString());
        parcel.put("display_id", Integer.toString(500_000 + internalId % 400_000));
        parcel.put("tracking_number", random.nextInt(10) == 0 ? null : "MD" + (10_000_000 + internalId));
        parcel.put("external_order_id", store + "-" + id);
        parcel.put("status", status);
        parcel.put("customer_name", order.get("full_name"));
        parcel.put("customer_phone", order.get("telephone"));
        parcel.put("destination_text", order.get("commune") + ", " + order.get("wilaya"));
        parcel.put("wilaya", order.get("wilaya"));
        parcel.put("commune", null);
        parcel.put("commune_name", order.get("commune"));
        parcel.put("product_name", ((Map<?, ?>) ((List<?>) order.get("items")).get(0)).get("title"));
        parcel.put("product_price", order.get("total"));
        parcel.put("ordered_at", iso(createdAt(store, id)));
        parcel.put("created_at", iso(created));
        parcel.put("last_update", iso(lastUpdate));
        parcel.put("delivered_at", status == 41 ? iso(lastUpdate) : null);
        parcel.put("postponed_to", status == 42 ? iso(lastUpdate.plus(Duration.ofDays(1))) : null);
        parcel.put("alerted_at", status == 32 || status == 42 ? iso(lastUpdate) : null);
        parcel.put("alert_reason", status == 32 || status == 42 ? "Client injoignable" : null);
        // Maystro's abort reason is not always a string
        parcel.put("abort_reason", status == 50 ? Map.of("code", 3, "label", "Annulé par le client") : null);
        return parcel;
    }

    private static String iso(Instant instant) {
        return instant.atOffset(ALGIERS).toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String phone(Random random) {
        return "0" + (5 + random.nextInt(3)) + String.format("%08d", random.nextInt(100_000_000));
    }
}
