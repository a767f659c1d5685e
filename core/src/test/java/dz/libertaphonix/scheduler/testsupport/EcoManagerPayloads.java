package dz.libertaphonix.scheduler.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/**
 * Realistic EcoManager order JSON: Algerian names, 05/06/07 phones (national and +213 forms),
 * wilayas and communes, DZD amounts, French state labels, both date forms, the three item-price
 * shapes, numbers sometimes sent as strings, and fields this system does not know.
 */
public final class EcoManagerPayloads {

    public static final String IN_DISPATCH = "En dispatch";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NAMES = List.of(
            "Amina Benali",
            "Yacine Boudiaf",
            "Karim Haddad",
            "Nour El Houda Meziane",
            "Sofiane Belkacem",
            "Lamia Cherif",
            "Walid Hamidi",
            "Imane Saadi",
            "Rachid Ould Ali",
            "Fatima Zohra Kaci",
            "Mohamed Amine Rahmani",
            "Sarah Bouzid");
    private static final List<String[]> PLACES = List.of(
            new String[] {"Alger", "Bab Ezzouar"},
            new String[] {"Oran", "Bir El Djir"},
            new String[] {"Constantine", "El Khroub"},
            new String[] {"Sétif", "El Eulma"},
            new String[] {"Blida", "Boufarik"},
            new String[] {"Tizi Ouzou", "Azazga"},
            new String[] {"Annaba", "El Bouni"},
            new String[] {"Béjaïa", "Akbou"},
            new String[] {"Tlemcen", "Maghnia"},
            new String[] {"Batna", "Barika"});
    private static final List<Object[]> PRODUCTS = List.of(
            new Object[] {"Crème hydratante à l'huile d'argan", 2500},
            new Object[] {"Montre connectée Sport X2", 6900},
            new Object[] {"Ensemble hijab en soie", 3200},
            new Object[] {"Parfum Oud Royal 100 ml", 4500},
            new Object[] {"Mixeur plongeant 800 W", 5400},
            new Object[] {"Chaussures de running homme", 7800},
            new Object[] {"Coque iPhone 14 antichoc", 1200},
            new Object[] {"Huile de nigelle bio 250 ml", 1800});
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final LocalDateTime EPOCH = LocalDateTime.of(2025, 7, 1, 8, 0);

    private EcoManagerPayloads() {}

    /** A well-formed order of a shop, deterministic for {@code (seed, id)}. */
    public static ObjectNode order(long seed, long id, String state) {
        Random random = new Random(seed * 1_000_003L + id);
        ObjectNode order = JSON.createObjectNode();
        order.put("id", id);
        order.put("reference", "LP-" + id);
        order.put("order_state_name", state);
        order.put("confirmation_state_name", random.nextBoolean() ? "Non confirmé" : "Tentative 1");
        order.put("full_name", NAMES.get(random.nextInt(NAMES.size())));
        order.put("telephone", phone(seed, id, random));
        String[] place = PLACES.get(random.nextInt(PLACES.size()));
        order.put("wilaya", place[0]);
        order.put("commune", place[1]);
        LocalDateTime created = EPOCH.plusMinutes(id % 500_000);
        // both forms EcoManager is known to send
        order.put("created_at", id % 2 == 0 ? created.format(ISO) : created.format(SPACED));
        order.put("updated_at", created.plusMinutes(7).format(SPACED));
        ArrayNode items = order.putArray("items");
        int lines = 1 + random.nextInt(3);
        long total = 0;
        for (int line = 0; line < lines; line++) {
            Object[] product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
            int unit = (Integer) product[1];
            int quantity = 1 + random.nextInt(3);
            total += (long) unit * quantity;
            ObjectNode item = items.addObject();
            // product_id arrives as a string or as a number
            if (random.nextBoolean()) {
                item.put("product_id", String.valueOf(100 + line));
            } else {
                item.put("product_id", 100 + line);
            }
            item.put("title", (String) product[0]);
            item.put("quantity", quantity);
            if (random.nextInt(4) == 0) {
                item.put("sku", "SKU-" + (1000 + random.nextInt(9000)));
            }
            switch ((int) (id % 3)) {
                case 0 -> {
                    item.put("unit_price", unit);
                    item.put("total_price", unit * quantity);
                }
                case 1 -> item.put("selling_price", unit + ".00");
                default -> item.put("total_price", String.valueOf(unit * quantity));
            }
        }
        int delivery = 400 + 100 * random.nextInt(5);
        total += delivery;
        order.put("delivery_price", delivery);
        if (id % 2 == 0) {
            order.put("total", BigDecimal.valueOf(total));
        } else {
            order.put("total", total + ".00");
        }
        // fields the import does not use: must be ignored
        order.put("source", random.nextBoolean() ? "facebook" : "instagram");
        order.put("shipping_company", "Yalidine");
        order.putNull("notes");
        order.putArray("tags").add("cod");
        return order;
    }

    /** The national form of the phone an order of this shop and id carries. */
    public static String nationalPhone(long seed, long id) {
        Random random = new Random(seed * 7_919L + id);
        int prefix = 5 + random.nextInt(3);
        return "0" + prefix + String.format("%08d", Math.floorMod(seed * 31 + id * 7_777_777L, 100_000_000L));
    }

    private static String phone(long seed, long id, Random random) {
        String national = nationalPhone(seed, id);
        return switch (random.nextInt(3)) {
            case 0 -> national;
            case 1 ->
                "+213 " + national.substring(1, 4) + " " + national.substring(4, 6) + " " + national.substring(6, 8)
                        + " " + national.substring(8);
            default ->
                national.substring(0, 4) + " " + national.substring(4, 6) + " " + national.substring(6, 8) + " "
                        + national.substring(8);
        };
    }
}
