package dz.libertaphonix.scheduler.shipping.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.maystro.MaystroStatus;
import dz.libertaphonix.scheduler.orders.OrderStatus;
import dz.libertaphonix.scheduler.orders.StatusEventSource;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.MaystroFake;
import dz.libertaphonix.scheduler.testsupport.OrderRow;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import dz.libertaphonix.scheduler.testsupport.ShippingFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The webhook goes through the sync's own matcher, rules and writer. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(MaystroFake.Resource.class)
class MaystroWebhookServiceTest {

    @Inject
    MaystroWebhookService webhook;

    @Inject
    ShippingFixtures fixtures;

    @Test
    void appliesABareStatusChangeWithTheSyncsMappingAndAWebhookEvent() {
        OrderRow order = shippedOrder();

        MaystroWebhookService.WebhookOutcome outcome = webhook.receive(event(order.reference, 41, "4831207"));

        assertThat(outcome.status()).isEqualTo(InboundEvent.Status.APPLIED);
        assertThat(outcome.changed()).isTrue();
        assertThat(outcome.orderId()).isEqualTo(order.id);
        OrderRow updated = fixtures.reload(order.id);
        assertThat(updated.status).isEqualTo(OrderStatus.DELIVERED);
        assertThat(updated.shippingStatusCode).isEqualTo(41);
        assertThat(updated.shippingStatusLabel).isEqualTo("LIVRÉ");
        assertThat(updated.shippingDeliveredAt).isEqualTo(Instant.parse("2025-07-25T08:30:00Z"));
        // the display id does not replace the real tracking number
        assertThat(updated.trackingNumber).isEqualTo(order.trackingNumber);
        assertThat(updated.lastRunId).isNull();
        assertThat(fixtures.events(order.id)).singleElement().satisfies(e -> {
            assertThat(e.source).isEqualTo(StatusEventSource.WEBHOOK);
            assertThat(e.runId).isNull();
            assertThat(e.fromStatus).isEqualTo("CONFIRMED");
            assertThat(e.toStatus).isEqualTo("DELIVERED");
            assertThat(e.fromShippingCode).isEqualTo(31);
            assertThat(e.toShippingCode).isEqualTo(41);
        });
    }

    @Test
    void appliesTheBase64WrapperTheSameWay() {
        OrderRow order = shippedOrder();
        String data = Base64.getEncoder()
                .encodeToString(event(order.reference, 50, "4831208").getBytes(StandardCharsets.UTF_8));

        MaystroWebhookService.WebhookOutcome outcome =
                webhook.receive("{\"message\":{\"data\":\"" + data + "\",\"messageId\":\"9\"}}");

        assertThat(outcome.changed()).isTrue();
        assertThat(fixtures.reload(order.id).status).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aRepeatedDeliveryChangesNothingTheSecondTime() {
        OrderRow order = shippedOrder();
        String body = event(order.reference, 32, "4831209");

        webhook.receive(body);
        MaystroWebhookService.WebhookOutcome again = webhook.receive(body);

        assertThat(again.status()).isEqualTo(InboundEvent.Status.APPLIED);
        assertThat(again.changed()).isFalse();
        assertThat(fixtures.events(order.id)).hasSize(1);
    }

    @Test
    void aLateMessageNeverTakesAFinishedParcelBack() {
        OrderRow order = shippedOrder();
        webhook.receive(event(order.reference, 41, "4831210"));

        MaystroWebhookService.WebhookOutcome late = webhook.receive(event(order.reference, 31, "4831210"));

        assertThat(late.changed()).isFalse();
        assertThat(late.reason()).contains("ignored").contains("LIVRÉ");
        assertThat(fixtures.reload(order.id).shippingStatusCode).isEqualTo(41);
        assertThat(fixtures.reload(order.id).status).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void keepsWhatItCannotApplyForInspection() {
        String unknownReference = ShippingFixtures.reference("NOBODY");

        assertThat(webhook.receive(event(unknownReference, 41, "1")).status()).isEqualTo(InboundEvent.Status.UNMATCHED);
        assertThat(fixtures.inboundEventsContaining(unknownReference))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.source).isEqualTo(InboundEvent.Source.MAYSTRO);
                    assertThat(e.eventType).isEqualTo("OrderStatusChanged");
                    assertThat(e.reason).contains(unknownReference);
                });

        String created =
                "{\"event\":\"OrderCreated\",\"payload\":{\"external_order_id\":\"" + unknownReference + "\"}}";
        assertThat(webhook.receive(created).status()).isEqualTo(InboundEvent.Status.UNKNOWN_EVENT);

        String malformed = "{\"event\":\"OrderStatusChanged\",\"payload\":{\"status\":\"?\",\"external_order_id\":\""
                + unknownReference + "\"}}";
        assertThat(webhook.receive(malformed).status()).isEqualTo(InboundEvent.Status.MALFORMED);
        assertThat(fixtures.inboundEventsContaining(unknownReference))
                .extracting(e -> e.status)
                .containsExactly(
                        InboundEvent.Status.UNMATCHED,
                        InboundEvent.Status.UNKNOWN_EVENT,
                        InboundEvent.Status.MALFORMED);
    }

    @Test
    void twoStoresSharingAReferenceWithNothingToTellThemApartAreLeftAlone() {
        Instant now = ShippingFixtures.era();
        String reference = ShippingFixtures.reference("TWIN");
        OrderRow first = fixtures.order(fixtures.store(), reference, now);
        OrderRow second = fixtures.order(fixtures.store(), reference, now);

        MaystroWebhookService.WebhookOutcome outcome = webhook.receive(event(reference, 41, "77"));

        assertThat(outcome.status()).isEqualTo(InboundEvent.Status.UNMATCHED);
        assertThat(outcome.reason()).contains("2 orders share reference");
        assertThat(fixtures.reload(first.id).shippingStatusCode).isNull();
        assertThat(fixtures.reload(second.id).shippingStatusCode).isNull();
    }

    @Test
    void appliesAnUnknownCodeAsInconnuAndKeepsTheDeliveryToBeLookedAt() {
        OrderRow order = shippedOrder();

        MaystroWebhookService.WebhookOutcome outcome = webhook.receive(event(order.reference, 77, "4831211"));

        assertThat(outcome.status()).isEqualTo(InboundEvent.Status.APPLIED);
        assertThat(outcome.changed()).isTrue();
        assertThat(fixtures.reload(order.id).shippingStatusLabel).isEqualTo("INCONNU (77)");
        assertThat(fixtures.inboundEventsContaining(order.reference))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.status).isEqualTo(InboundEvent.Status.APPLIED);
                    assertThat(e.reason).contains("unknown Maystro status code 77");
                });
    }

    private OrderRow shippedOrder() {
        Instant now = ShippingFixtures.era();
        Store store = fixtures.store();
        return fixtures.order(store, ShippingFixtures.reference("HOOK"), now, order -> {
            order.shippingStatusCode = 31;
            order.shippingStatusLabel = MaystroStatus.labelOf(31);
            order.trackingNumber = "MYS-HOOK-" + order.ecomanagerId;
        });
    }

    private static String event(String reference, int status, String displayId) {
        return """
                {"event": "OrderStatusChanged",
                 "payload": {"id": %s, "status": %d, "display_id_order": "%s", "external_order_id": "%s",
                             "alerted_at": null, "alert_reason": null, "abort_reason": null,
                             "delivered_at": %s}}
                """.formatted(
                displayId, status, displayId, reference, status == 41 ? "\"2025-07-25T09:30:00+01:00\"" : "null");
    }
}
