package dz.libertaphonix.scheduler.devmode;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * The sandbox's make-believe courier: the sandbox shops' dispatched orders become parcels a few
 * minutes later, which move through Maystro's real status codes, some alerted, postponed, cancelled
 * or returned. Derived, like the orders, from the store, the order id and the time elapsed.
 */
@ApplicationScoped
public class SandboxParcels {

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

    private final SandboxWorld world;

    public SandboxParcels(SandboxWorld world) {
        this.world = world;
    }

    /** Every parcel that exists now, newest first. */
    List<Map<String, Object>> parcels() {
        record Key(String store, long id, Instant created) {}
        List<Key> keys = new ArrayList<>();
        Instant now = world.clock().instant();
        for (String store : SandboxWorld.STORES) {
            for (long id = world.latestId(store); id >= world.firstId(store); id--) {
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
        if (!world.knows(store) || id < world.firstId(store) || id > world.latestId(store)) {
            return Optional.empty();
        }
        Instant created = parcelCreatedAt(store, id);
        return created == null || created.isAfter(world.clock().instant())
                ? Optional.empty()
                : Optional.of(parcel(store, id));
    }

    /** Orders that were dispatched become parcels a few minutes later; others never do. */
    private Instant parcelCreatedAt(String store, long id) {
        int kind = Math.floorMod(SandboxWorld.random(store, id).nextInt(), 100);
        if (kind < 6 || (kind >= 18 && kind < 24)) {
            return null;
        }
        Instant base = world.createdAt(store, id);
        return kind < 18 ? base.plus(world.lateDispatch()).plus(world.parcelStep()) : base.plus(world.parcelStep());
    }

    private Map<String, Object> parcel(String store, long id) {
        Random random = new Random(id * 31 + store.hashCode());
        int[] journey = JOURNEYS[Math.floorMod(random.nextInt(), JOURNEYS.length)];
        Instant created = parcelCreatedAt(store, id);
        long steps = Duration.between(created, world.clock().instant()).toMillis()
                / Math.max(1, world.parcelStep().toMillis());
        int status = journey[(int) Math.min(steps, journey.length - 1)];
        Instant lastUpdate = created.plus(world.parcelStep().multipliedBy(Math.min(steps, journey.length - 1)));
        Map<String, Object> order = world.order(store, id);
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
        parcel.put("ordered_at", iso(world.createdAt(store, id)));
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
}
