package dz.libertaphonix.scheduler.maystro;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The JSON shapes Maystro sends, read tolerantly: unknown fields ignored, scalars as they come.
 * Registered for reflection: Jackson reads them in a native image too.
 */
final class MaystroDtos {

    private MaystroDtos() {}

    /** {@code {"list": {...}}}: Maystro nests the DRF page under {@code list}. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ParcelListResponse(ParcelList list) {}

    /**
     * A DRF page. {@code next} is a {@link JsonNode} so that an explicit {@code null} (last page) can
     * be told from a missing field (unknown). Results are read one by one: one odd parcel must not
     * sink its 19 neighbours.
     */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ParcelList(JsonNode count, JsonNode next, JsonNode previous, List<JsonNode> results) {}

    /** One parcel. Ids and codes arrive as strings or numbers; the abort reason is not always text. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ParcelDto(
            JsonNode id,
            @JsonProperty("instance_uuid") JsonNode instanceUuid,
            @JsonProperty("external_order_id") JsonNode externalOrderId,
            JsonNode status,
            @JsonProperty("display_id") JsonNode displayId,
            @JsonProperty("tracking_number") JsonNode trackingNumber,
            @JsonProperty("customer_phone") JsonNode customerPhone,
            @JsonProperty("ordered_at") JsonNode orderedAt,
            @JsonProperty("created_at") JsonNode createdAt,
            @JsonProperty("last_update") JsonNode lastUpdate,
            @JsonProperty("delivered_at") JsonNode deliveredAt,
            @JsonProperty("alerted_at") JsonNode alertedAt,
            @JsonProperty("alert_reason") JsonNode alertReason,
            @JsonProperty("abort_reason") JsonNode abortReason) {}
}
