package dz.libertaphonix.scheduler.orders;

import java.util.Map;
import java.util.Optional;

/** The order system's own status of an order. */
public enum OrderStatus {
    PENDING,
    ASSIGNED,
    IN_PROGRESS,
    CONFIRMED,
    SHIPPED,
    DELIVERED,
    CANCELLED,
    RETURNED;

    private static final Map<String, OrderStatus> ECOMANAGER_LABELS = Map.of(
            "En dispatch", PENDING,
            "Confirmé", CONFIRMED,
            "En cours", IN_PROGRESS,
            "Expédié", SHIPPED,
            "Livré", DELIVERED,
            "Annulé", CANCELLED,
            "Retourné", RETURNED);

    /** No order leaves these through a courier update. */
    public boolean terminal() {
        return this == DELIVERED || this == CANCELLED || this == RETURNED;
    }

    /** The status an EcoManager {@code order_state_name} stands for; empty for an unknown label. */
    public static Optional<OrderStatus> fromEcoManagerState(String label) {
        return label == null ? Optional.empty() : Optional.ofNullable(ECOMANAGER_LABELS.get(label.trim()));
    }
}
