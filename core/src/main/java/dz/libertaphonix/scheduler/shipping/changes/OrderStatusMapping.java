package dz.libertaphonix.scheduler.shipping.changes;

import dz.libertaphonix.scheduler.orders.OrderStatus;
import dz.libertaphonix.scheduler.shipping.ShippingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which Maystro status codes move an order's own status ({@code scheduler.shipping.order-status-by-code},
 * default {@code 41=DELIVERED,50=CANCELLED,52=RETURNED}). The older system only ever mapped 41 and left
 * cancellations and returns invisible on the order.
 */
@ApplicationScoped
public class OrderStatusMapping {

    private final Map<Integer, OrderStatus> byCode;

    @Inject
    public OrderStatusMapping(ShippingConfig config) {
        this(parse(config.orderStatusByCode()));
    }

    private OrderStatusMapping(Map<Integer, OrderStatus> byCode) {
        this.byCode = byCode;
    }

    /** A mapping from its {@code code=STATUS,...} form. */
    public static OrderStatusMapping of(String value) {
        return new OrderStatusMapping(parse(value));
    }

    /** The order status a courier code stands for; empty when the code only updates courier fields. */
    public Optional<OrderStatus> forCode(Integer code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    static Map<Integer, OrderStatus> parse(String value) {
        Map<Integer, OrderStatus> mapping = new HashMap<>();
        for (String entry : value.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException(
                        "scheduler.shipping.order-status-by-code: '" + trimmed + "' is not code=STATUS");
            }
            int code = code(parts[0].trim());
            OrderStatus status = status(parts[1].trim());
            if (mapping.put(code, status) != null) {
                throw new IllegalArgumentException(
                        "scheduler.shipping.order-status-by-code maps code " + code + " twice");
            }
        }
        return Map.copyOf(mapping);
    }

    private static int code(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "scheduler.shipping.order-status-by-code: '" + text + "' is not a status code");
        }
    }

    private static OrderStatus status(String text) {
        try {
            return OrderStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "scheduler.shipping.order-status-by-code: '" + text + "' is not an order status");
        }
    }
}
