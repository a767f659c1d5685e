package dz.libertaphonix.scheduler.api.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import dz.libertaphonix.scheduler.api.testsupport.MaystroWebhookFixtures;
import dz.libertaphonix.scheduler.api.testsupport.MaystroWebhookFixtures.OrderRow;
import dz.libertaphonix.scheduler.orders.OrderStatus;
import dz.libertaphonix.scheduler.orders.StatusEventSource;
import dz.libertaphonix.scheduler.shipping.webhook.InboundEvent;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Maystro's webhook end to end: HTTP in, order and events in PostgreSQL out. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class MaystroWebhookResourceTest {

    @ConfigProperty(name = "scheduler.maystro.webhook-secret")
    String secret;

    @Inject
    MaystroWebhookFixtures fixtures;

    @Test
    void appliesTheBareEventAndAnswers200() {
        OrderRow order = fixtures.shippedOrder(MaystroWebhookFixtures.reference());

        given().contentType(ContentType.JSON)
                .body(event(order.reference, 41))
                .when()
                .post("/webhooks/maystro/{secret}", secret)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPLIED"))
                .body("changed", equalTo(true));

        OrderRow delivered = fixtures.reload(order.id);
        assertThat(delivered.status).isEqualTo(OrderStatus.DELIVERED);
        assertThat(delivered.shippingStatusLabel).isEqualTo("LIVRÉ");
        assertThat(fixtures.events(order.id)).singleElement().satisfies(e -> {
            assertThat(e.source).isEqualTo(StatusEventSource.WEBHOOK);
            assertThat(e.toStatus).isEqualTo("DELIVERED");
            assertThat(e.toShippingCode).isEqualTo(41);
        });
    }

    @Test
    void appliesTheBase64MessageWrapper() {
        OrderRow order = fixtures.shippedOrder(MaystroWebhookFixtures.reference());
        String data =
                Base64.getEncoder().encodeToString(event(order.reference, 52).getBytes(StandardCharsets.UTF_8));

        given().contentType(ContentType.JSON)
                .body("{\"message\":{\"data\":\"" + data
                        + "\",\"messageId\":\"1187\",\"publishTime\":\"2025-07-25T08:30:00Z\"},"
                        + "\"subscription\":\"projects/maystro/subscriptions/orders\"}")
                .when()
                .post("/webhooks/maystro/{secret}", secret)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPLIED"));

        assertThat(fixtures.reload(order.id).status).isEqualTo(OrderStatus.RETURNED);
    }

    @Test
    void keepsAnUnmatchedOrUnknownDeliveryAndAnswers202() {
        String reference = MaystroWebhookFixtures.reference();

        given().contentType(ContentType.JSON)
                .body(event(reference, 41))
                .when()
                .post("/webhooks/maystro/{secret}", secret)
                .then()
                .statusCode(202)
                .body("status", equalTo("UNMATCHED"));
        given().contentType(ContentType.JSON)
                .body("{\"event\":\"OrderDeleted\",\"payload\":{\"external_order_id\":\"" + reference + "\"}}")
                .when()
                .post("/webhooks/maystro/{secret}", secret)
                .then()
                .statusCode(202)
                .body("status", equalTo("UNKNOWN_EVENT"));
        given().contentType(ContentType.TEXT)
                .body("ping " + reference)
                .when()
                .post("/webhooks/maystro/{secret}", secret)
                .then()
                .statusCode(202)
                .body("status", equalTo("MALFORMED"));

        assertThat(fixtures.inboundEventsContaining(reference))
                .extracting(e -> e.status)
                .containsExactly(
                        InboundEvent.Status.UNMATCHED,
                        InboundEvent.Status.UNKNOWN_EVENT,
                        InboundEvent.Status.MALFORMED);
    }

    @Test
    void aWrongSecretIsA404WithoutDetailAndChangesNothing() {
        OrderRow order = fixtures.shippedOrder(MaystroWebhookFixtures.reference());

        given().contentType(ContentType.JSON)
                .body(event(order.reference, 41))
                .when()
                .post("/webhooks/maystro/{secret}", secret + "x")
                .then()
                .statusCode(404)
                .body(emptyString());

        assertThat(fixtures.reload(order.id).status).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(fixtures.inboundEventsContaining(order.reference)).isEmpty();
    }

    private static String event(String reference, int status) {
        return """
                {"event": "OrderStatusChanged",
                 "payload": {"id": 4831207, "status": %d, "display_id_order": "4831207",
                             "external_order_id": "%s", "alerted_at": null, "alert_reason": null,
                             "abort_reason": null, "delivered_at": null}}
                """.formatted(status, reference);
    }
}
