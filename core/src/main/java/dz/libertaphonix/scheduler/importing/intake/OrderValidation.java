package dz.libertaphonix.scheduler.importing.intake;

import dz.libertaphonix.scheduler.ecomanager.EcoManagerOrder;
import dz.libertaphonix.scheduler.orders.AlgerianPhone;
import dz.libertaphonix.scheduler.orders.NewOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The intake's first step: each parsed order is either importable, or quarantined with every reason
 * it cannot be (what the parser could not read, no state, a phone that is not a usable Algerian
 * number). An order seen twice is taken once.
 */
final class OrderValidation {

    /**
     * @param importable the orders to insert, by EcoManager id, in the order received
     * @param quarantine the orders to keep out, with why
     */
    record Validated(Map<Long, NewOrder> importable, List<Quarantine> quarantine) {}

    private OrderValidation() {}

    static Validated validate(List<EcoManagerOrder> orders) {
        Map<Long, NewOrder> importable = new LinkedHashMap<>();
        List<Quarantine> quarantine = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (EcoManagerOrder order : orders) {
            if (order.id() != null && !seen.add(order.id())) {
                // the same order on two pages (the list moved while it was read): once is enough
                continue;
            }
            List<String> reasons = new ArrayList<>(order.problems());
            if (order.state() == null) {
                reasons.add("missing order_state_name");
            }
            String phone = null;
            if (order.telephone() != null) {
                phone = AlgerianPhone.normalise(order.telephone()).orElse(null);
                if (phone == null) {
                    reasons.add("telephone is not a usable Algerian number");
                }
            }
            if (!reasons.isEmpty()) {
                quarantine.add(new Quarantine(order.id(), String.join("; ", reasons), order.rawJson()));
                continue;
            }
            importable.put(
                    order.id(),
                    new NewOrder(
                            order.id(),
                            order.reference(),
                            order.state(),
                            order.confirmationState(),
                            truncate(order.fullName(), 200),
                            phone,
                            order.wilaya(),
                            order.commune(),
                            order.total(),
                            order.createdAt(),
                            order.updatedAt(),
                            order.items(),
                            order.rawJson()));
        }
        return new Validated(importable, quarantine);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
