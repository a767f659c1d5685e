package dz.libertaphonix.scheduler.maystro;

import java.time.Instant;

/**
 * A parcel as Maystro describes it, normalised: text fields trimmed (blank is null), timestamps as
 * instants (local times read in Africa/Algiers), the status as its integer code.
 *
 * @param id Maystro's id of the parcel
 * @param externalOrderId our order reference, the match key
 * @param statusCode null when the parcel carried no readable status
 * @param trackingNumber {@code tracking_number}, else {@code display_id}
 * @param trackingFromDisplayId true when {@link #trackingNumber} is only a display id: it fills an
 *     empty tracking number but never replaces a real one
 */
public record MaystroParcel(
        String id,
        String externalOrderId,
        Integer statusCode,
        String trackingNumber,
        boolean trackingFromDisplayId,
        String customerPhone,
        Instant createdAt,
        Instant orderedAt,
        Instant deliveredAt,
        Instant alertedAt,
        String alertReason,
        String abortReason) {

    /** When the parcel came to be, for "is this page older than every open order". */
    public Instant bornAt() {
        return createdAt != null ? createdAt : orderedAt;
    }

    /** The label of {@link #statusCode}, {@code INCONNU (<code>)} for an unknown code. */
    public String statusLabel() {
        return statusCode == null ? null : MaystroStatus.labelOf(statusCode);
    }
}
