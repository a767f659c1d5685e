package dz.libertaphonix.scheduler.ecomanager;

import static dz.libertaphonix.scheduler.ecomanager.EcoManagerFields.amount;
import static dz.libertaphonix.scheduler.ecomanager.EcoManagerFields.blankToNull;
import static dz.libertaphonix.scheduler.ecomanager.EcoManagerFields.firstNonNull;
import static dz.libertaphonix.scheduler.ecomanager.EcoManagerFields.instant;
import static dz.libertaphonix.scheduler.ecomanager.EcoManagerFields.positiveLong;
import static dz.libertaphonix.scheduler.ecomanager.EcoManagerFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads EcoManager's JSON tolerantly. The API has no public reference and production payloads have
 * shown numbers as strings, two date forms without a zone and three item-price shapes, so every
 * field is read defensively: what can be read is kept, what cannot is reported as a problem of that
 * one order (which the import quarantines) rather than failing the page.
 */
final class EcoManagerOrderParser {

    private final ObjectMapper mapper;

    EcoManagerOrderParser(ObjectMapper mapper) {
        // exact amounts: 1999.99 must not become 1999.9899999
        this.mapper = mapper.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** Parses a page body; only a body that is not an order list at all is an error. */
    OrdersPage page(String body) {
        EcoManagerApi.OrderListResponse envelope;
        try {
            JsonNode tree = mapper.readTree(body == null ? "" : body);
            if (tree == null || !tree.isObject() || !tree.path("data").isArray()) {
                throw new MalformedResponseException("EcoManager answered without a \"data\" array of orders");
            }
            envelope = mapper.treeToValue(tree, EcoManagerApi.OrderListResponse.class);
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException(
                    "EcoManager answered with a body that is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        List<EcoManagerOrder> orders = new ArrayList<>(envelope.data().size());
        for (JsonNode node : envelope.data()) {
            orders.add(order(node));
        }
        return new OrdersPage(orders, nextCursor(envelope));
    }

    private static String nextCursor(EcoManagerApi.OrderListResponse envelope) {
        if (envelope.meta() != null && envelope.meta().nextCursor() != null) {
            return blankToNull(envelope.meta().nextCursor());
        }
        // some Laravel resources omit meta; links.next still carries the cursor
        if (envelope.links() != null && envelope.links().next() != null) {
            try {
                String query = URI.create(envelope.links().next()).getRawQuery();
                if (query != null) {
                    for (String pair : query.split("&")) {
                        if (pair.startsWith("cursor=")) {
                            return blankToNull(URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8));
                        }
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // an unreadable link is the same as no link: end of list
            }
        }
        return null;
    }

    EcoManagerOrder order(JsonNode node) {
        String raw = node == null ? "null" : node.toString();
        if (node == null || !node.isObject()) {
            return new EcoManagerOrder(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of("order is not a JSON object"),
                    raw);
        }
        List<String> problems = new ArrayList<>();
        Long id = positiveLong(node.get("id"), "id", problems);
        String reference = text(node.get("reference"));
        if (reference == null) {
            problems.add("missing reference");
        } else if (reference.length() > 100) {
            problems.add("reference longer than 100 characters");
        }
        String fullName = text(node.get("full_name"));
        if (fullName == null) {
            problems.add("missing full_name");
        }
        String telephone = text(node.get("telephone"));
        if (telephone == null) {
            problems.add("missing telephone");
        }
        BigDecimal total = amount(node.get("total"), "total", problems);
        if (total == null && !node.hasNonNull("total")) {
            problems.add("missing total");
        }
        List<EcoManagerItem> items = items(node.get("items"), problems);
        return new EcoManagerOrder(
                id,
                reference,
                text(node.get("order_state_name")),
                text(node.get("confirmation_state_name")),
                fullName,
                telephone,
                text(node.get("wilaya")),
                text(node.get("commune")),
                total,
                instant(node.get("created_at")),
                instant(node.get("updated_at")),
                items,
                problems,
                raw);
    }

    private List<EcoManagerItem> items(JsonNode node, List<String> problems) {
        if (node == null || node.isNull() || !node.isArray() || node.isEmpty()) {
            problems.add("no items");
            return List.of();
        }
        List<EcoManagerItem> items = new ArrayList<>();
        int line = 0;
        for (JsonNode item : node) {
            line++;
            if (!item.isObject()) {
                problems.add("item " + line + " is not a JSON object");
                continue;
            }
            int before = problems.size();
            Long quantity = positiveLong(item.get("quantity"), "item " + line + " quantity", problems);
            if (quantity != null && quantity > Integer.MAX_VALUE) {
                problems.add("item " + line + " quantity is implausibly large");
            }
            String productId = text(item.get("product_id"));
            String sku = text(item.get("sku"));
            String title = text(item.get("title"));
            if (title == null) {
                title = firstNonNull(text(item.get("name")), text(item.get("product_name")));
            }
            if (title == null && productId != null) {
                // the call centre can still find the product by its id
                title = "Produit " + productId;
            }
            if (title == null) {
                problems.add("item " + line + " has neither title nor product_id");
            }
            BigDecimal unit = amount(item.get("unit_price"), "item " + line + " unit_price", problems);
            BigDecimal lineTotal = amount(item.get("total_price"), "item " + line + " total_price", problems);
            BigDecimal selling = amount(item.get("selling_price"), "item " + line + " selling_price", problems);
            if (problems.size() > before) {
                continue;
            }
            int qty = quantity.intValue();
            if (unit == null && selling != null) {
                unit = selling;
            }
            if (lineTotal == null && unit != null) {
                lineTotal = unit.multiply(BigDecimal.valueOf(qty));
            }
            if (unit == null && lineTotal != null) {
                unit = lineTotal.divide(BigDecimal.valueOf(qty), 2, RoundingMode.HALF_UP);
            }
            items.add(new EcoManagerItem(productId, sku, title, qty, unit, lineTotal));
        }
        return items;
    }
}
