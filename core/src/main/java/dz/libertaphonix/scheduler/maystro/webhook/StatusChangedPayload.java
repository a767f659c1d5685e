package dz.libertaphonix.scheduler.maystro.webhook;

import static dz.libertaphonix.scheduler.maystro.MaystroValues.instant;
import static dz.libertaphonix.scheduler.maystro.MaystroValues.integer;
import static dz.libertaphonix.scheduler.maystro.MaystroValues.text;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dz.libertaphonix.scheduler.maystro.MaystroParcel;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code payload} of an {@code OrderStatusChanged} webhook event, read tolerantly: unknown fields
 * ignored, scalars as they come. Registered for reflection: Jackson reads it in a native image too.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
record StatusChangedPayload(
        JsonNode id,
        JsonNode status,
        @JsonProperty("display_id_order") JsonNode displayIdOrder,
        @JsonProperty("tracking_number") JsonNode trackingNumber,
        @JsonProperty("external_order_id") JsonNode externalOrderId,
        @JsonProperty("customer_phone") JsonNode customerPhone,
        @JsonProperty("alerted_at") JsonNode alertedAt,
        @JsonProperty("alert_reason") JsonNode alertReason,
        @JsonProperty("abort_reason") JsonNode abortReason,
        @JsonProperty("delivered_at") JsonNode deliveredAt) {

    /** The parcel the event describes; its display id stands in for a missing tracking number. */
    MaystroParcel parcel() {
        String tracking = text(trackingNumber);
        String display = text(displayIdOrder);
        return new MaystroParcel(
                text(id),
                text(externalOrderId),
                integer(status),
                tracking != null ? tracking : display,
                tracking == null && display != null,
                text(customerPhone),
                null,
                null,
                instant(deliveredAt),
                instant(alertedAt),
                text(alertReason),
                text(abortReason));
    }
}
