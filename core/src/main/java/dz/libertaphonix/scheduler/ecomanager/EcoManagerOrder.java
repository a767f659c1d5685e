package dz.libertaphonix.scheduler.ecomanager;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as read from EcoManager, parsed tolerantly: whatever could be read is set, and every
 * field that could not be read is named in {@link #problems()}. The JSON as received is kept in
 * {@link #rawJson()} so a malformed order can be quarantined with its payload.
 *
 * @param id the per-account EcoManager id, null when missing or unreadable
 * @param state {@code order_state_name} exactly as sent (unknown labels are kept raw)
 * @param createdAt {@code created_at} read as Africa/Algiers local time, null when absent or unreadable
 */
public record EcoManagerOrder(
        Long id,
        String reference,
        String state,
        String confirmationState,
        String fullName,
        String telephone,
        String wilaya,
        String commune,
        BigDecimal total,
        Instant createdAt,
        Instant updatedAt,
        List<EcoManagerItem> items,
        List<String> problems,
        String rawJson) {

    /** The one state the call centre works, hence the only one imported. */
    public static final String IN_DISPATCH = "En dispatch";

    public EcoManagerOrder {
        items = items == null ? List.of() : List.copyOf(items);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public boolean inDispatch() {
        return state != null && IN_DISPATCH.equalsIgnoreCase(state.strip());
    }

    public boolean wellFormed() {
        return problems.isEmpty();
    }

    @Override
    public String toString() {
        // no customer data in logs
        return "EcoManagerOrder[" + id + ", " + state + "]";
    }
}
