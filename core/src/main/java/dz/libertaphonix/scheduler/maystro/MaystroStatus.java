package dz.libertaphonix.scheduler.maystro;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maystro's parcel status codes and their French labels, as the courier's back office shows them.
 * A code not listed here is kept as is and labelled {@code INCONNU (<code>)}: Maystro adds codes
 * without notice, and an unknown code must never stop a sync.
 */
public enum MaystroStatus {
    CREATED(4, "CRÉÉ"),
    PICKUP_REQUESTED(5, "DEMANDE DE RAMASSAGE"),
    IN_PROGRESS(6, "EN COURS"),
    WAITING_FOR_TRANSIT(8, "EN ATTENTE DE TRANSIT"),
    IN_TRANSIT_TO_CUSTOMER(9, "EN TRANSIT POUR EXPÉDITION"),
    IN_TRANSIT_FOR_RETURN(10, "EN TRANSIT POUR RETOUR"),
    ON_HOLD(11, "EN ATTENTE"),
    OUT_OF_STOCK(12, "EN RUPTURE DE STOCK"),
    READY_TO_SHIP(15, "PRÊT À EXPÉDIER"),
    ASSIGNED(22, "ASSIGNÉ"),
    SHIPPED(31, "EXPÉDIÉ"),
    ALERTED(32, "ALERTÉ"),
    DELIVERED(41, "LIVRÉ"),
    POSTPONED(42, "REPORTÉ"),
    CANCELLED(50, "ANNULÉ"),
    READY_TO_RETURN(51, "PRÊT À RETOURNER"),
    TAKEN_BACK_BY_STORE(52, "PRIS PAR LE MAGASIN"),
    NOT_RECEIVED(53, "NON REÇU");

    private static final Map<Integer, MaystroStatus> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(MaystroStatus::code, Function.identity()));

    private final int code;
    private final String label;

    MaystroStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /**
     * Delivered, cancelled and taken back by the store end a parcel's life. The partial index
     * {@code orders_shipping_open} of the schema lists the same three codes.
     */
    public boolean terminal() {
        return this == DELIVERED || this == CANCELLED || this == TAKEN_BACK_BY_STORE;
    }

    public static Optional<MaystroStatus> fromCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    public static boolean known(int code) {
        return BY_CODE.containsKey(code);
    }

    public static boolean terminal(int code) {
        return fromCode(code).map(MaystroStatus::terminal).orElse(false);
    }

    /** The French label of a code, {@code INCONNU (<code>)} for a code not in the catalogue. */
    public static String labelOf(int code) {
        return fromCode(code).map(MaystroStatus::label).orElse("INCONNU (" + code + ")");
    }
}
