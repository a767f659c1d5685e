package dz.libertaphonix.scheduler.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Realistic Maystro parcels and list pages, shaped like the production API's answers (ids as
 * numbers, codes as numbers or strings, nulls, an abort reason that is sometimes an object).
 */
public final class MaystroParcels {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(4_830_000 + System.nanoTime() % 100_000);
    private static final DateTimeFormatter ALGIERS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.ofHours(1));

    private MaystroParcels() {}

    /** A parcel for order {@code reference}, created at {@code createdAt}, with status {@code code}. */
    public static Map<String, Object> parcel(String reference, int code, Instant createdAt) {
        long id = IDS.incrementAndGet();
        Map<String, Object> parcel = new LinkedHashMap<>();
        parcel.put("id", id);
        parcel.put("instance_uuid", "9f6c1b2e-" + id);
        parcel.put("display_id", String.valueOf(id));
        parcel.put("tracking_number", "MYS" + id);
        parcel.put("external_order_id", reference);
        parcel.put("status", code);
        parcel.put("customer_name", "Yacine Boukhari");
        parcel.put("customer_phone", "0661 23 45 67");
        parcel.put("destination_text", "Cité 1200 logements, bloc 14");
        parcel.put("product_name", "Coffret soin argan x1");
        parcel.put("product_price", "4500.00");
        parcel.put("wilaya", 16);
        parcel.put("commune", 1602);
        parcel.put("commune_name", "Bab Ezzouar");
        parcel.put("ordered_at", ALGIERS.format(createdAt.minusSeconds(3600)));
        parcel.put("created_at", ALGIERS.format(createdAt));
        parcel.put("last_update", ALGIERS.format(createdAt.plusSeconds(7200)));
        parcel.put("delivered_at", code == 41 ? ALGIERS.format(createdAt.plusSeconds(86_400)) : null);
        parcel.put("postponed_to", null);
        parcel.put("alerted_at", code == 32 ? ALGIERS.format(createdAt.plusSeconds(43_200)) : null);
        parcel.put("alert_reason", code == 32 ? "Client injoignable" : null);
        parcel.put("abort_reason", code == 50 ? Map.of("id", 3, "label", "Annulé par le client") : null);
        return parcel;
    }

    /** The list envelope of page {@code number}, {@code count} parcels in all. */
    public static String page(int number, long count, List<Map<String, Object>> results, boolean last) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("count", count);
        list.put("next", last ? null : "https://backend.maystro-delivery.com/api/stores/orders/?page=" + (number + 1));
        list.put(
                "previous",
                number == 1 ? null : "https://backend.maystro-delivery.com/api/stores/orders/?page=" + (number - 1));
        list.put("results", results);
        return json(Map.of("list", list));
    }

    /** Pages of 20 from a newest-first list of parcels. */
    public static List<String> pages(List<Map<String, Object>> newestFirst) {
        List<String> pages = new ArrayList<>();
        int count = newestFirst.size();
        for (int start = 0, number = 1; start < count; start += 20, number++) {
            int end = Math.min(count, start + 20);
            pages.add(page(number, count, newestFirst.subList(start, end), end == count));
        }
        return pages;
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
