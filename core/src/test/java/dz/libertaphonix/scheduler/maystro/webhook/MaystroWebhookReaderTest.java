package dz.libertaphonix.scheduler.maystro.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dz.libertaphonix.scheduler.maystro.MalformedWebhookException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MaystroWebhookReaderTest {

    private static final String EVENT = """
            {"event": "OrderStatusChanged",
             "payload": {"id": 4831207, "status": 41, "display_id_order": "4831207",
                         "external_order_id": "NATU-20512", "alerted_at": null, "alert_reason": null,
                         "abort_reason": null, "delivered_at": "2025-07-25T09:30:00+01:00"}}
            """;

    private final MaystroWebhookReader reader = new MaystroWebhookReader(new ObjectMapper());

    @Test
    void readsTheBareEvent() {
        MaystroWebhookEvent event = reader.read(EVENT);

        assertThat(event.statusChanged()).isTrue();
        assertThat(event.parcel().externalOrderId()).isEqualTo("NATU-20512");
        assertThat(event.parcel().statusCode()).isEqualTo(41);
        assertThat(event.parcel().trackingNumber()).isEqualTo("4831207");
        assertThat(event.parcel().trackingFromDisplayId()).isTrue();
        assertThat(event.parcel().deliveredAt()).isEqualTo(Instant.parse("2025-07-25T08:30:00Z"));
    }

    @Test
    void readsTheBase64PubSubWrapper() {
        String data = Base64.getEncoder().encodeToString(EVENT.getBytes(StandardCharsets.UTF_8));
        String wrapped =
                "{\"message\": {\"data\": \"" + data + "\", \"messageId\": \"1234\"}, \"subscription\": \"x\"}";

        assertThat(reader.read(wrapped)).isEqualTo(reader.read(EVENT));
    }

    @Test
    void returnsOtherEventTypesWithoutAParcel() {
        MaystroWebhookEvent event = reader.read("{\"event\": \"OrderCreated\", \"payload\": {\"id\": 1}}");

        assertThat(event.statusChanged()).isFalse();
        assertThat(event.type()).isEqualTo("OrderCreated");
        assertThat(event.parcel()).isNull();
    }

    @Test
    void refusesWhatIsNeitherFormNorUsable() {
        assertThatThrownBy(() -> reader.read("not json")).isInstanceOf(MalformedWebhookException.class);
        assertThatThrownBy(() -> reader.read("{\"message\": {\"data\": \"%%%\"}}"))
                .isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> reader.read("{\"payload\": {}}"))
                .isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining("no event type");
        assertThatThrownBy(
                        () -> reader.read(
                                "{\"event\": \"OrderStatusChanged\", \"payload\": {\"status\": \"livré\", \"external_order_id\": \"R1\"}}"))
                .isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining("status");
        assertThatThrownBy(() -> reader.read("{\"event\": \"OrderStatusChanged\", \"payload\": {\"status\": 41}}"))
                .isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining("external_order_id");
    }
}
