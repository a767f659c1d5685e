package dz.libertaphonix.scheduler.maystro.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dz.libertaphonix.scheduler.maystro.MalformedWebhookException;
import dz.libertaphonix.scheduler.maystro.MaystroParcel;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads a Maystro webhook body. Two forms arrive: the Pub/Sub-style wrapper
 * {@code {"message": {"data": "<base64 of the event JSON>"}}} and the event JSON itself,
 * {@code {"event": "OrderStatusChanged", "payload": {...}}}.
 */
@ApplicationScoped
public class MaystroWebhookReader {

    private final ObjectMapper mapper;

    public MaystroWebhookReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @throws MalformedWebhookException when the body is not one of the two forms, or an
     *     {@code OrderStatusChanged} payload lacks a status or any way to find its order
     */
    public MaystroWebhookEvent read(String body) {
        JsonNode root = json(body, "the body is not JSON");
        JsonNode data = root.path("message").path("data");
        if (data.isTextual()) {
            root = json(decode(data.asText()), "message.data is not base64 of a JSON event");
        }
        JsonNode type = root.get("event");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            throw new MalformedWebhookException(null, "no event type");
        }
        String eventType = type.asText().trim();
        if (!MaystroWebhookEvent.ORDER_STATUS_CHANGED.equals(eventType)) {
            return new MaystroWebhookEvent(eventType, null);
        }
        JsonNode payload = root.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new MalformedWebhookException(eventType, "no payload object");
        }
        MaystroParcel parcel;
        try {
            parcel = mapper.treeToValue(payload, StatusChangedPayload.class).parcel();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedWebhookException(eventType, "unreadable payload");
        }
        if (parcel.statusCode() == null) {
            throw new MalformedWebhookException(eventType, "payload.status is missing or not a number");
        }
        if (parcel.externalOrderId() == null && parcel.trackingNumber() == null) {
            throw new MalformedWebhookException(
                    eventType, "payload has neither external_order_id nor display_id_order");
        }
        return new MaystroWebhookEvent(eventType, parcel);
    }

    private JsonNode json(String text, String problem) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || !node.isObject()) {
                throw new MalformedWebhookException(null, problem);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedWebhookException(null, problem);
        }
    }

    private static String decode(String base64) {
        String compact = base64.replaceAll("\\s", "");
        try {
            byte[] bytes = compact.contains("-") || compact.contains("_")
                    ? Base64.getUrlDecoder().decode(compact)
                    : Base64.getDecoder().decode(compact);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedWebhookException(null, "message.data is not base64");
        }
    }
}
