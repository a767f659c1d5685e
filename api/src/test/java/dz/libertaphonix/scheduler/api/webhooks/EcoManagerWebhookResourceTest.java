package dz.libertaphonix.scheduler.api.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.EcoManagerWebhookFixtures;
import dz.libertaphonix.scheduler.importing.webhook.WebhookSignature;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /webhooks/ecomanager/{store}} over HTTP as API Gateway delivers it (no JWT): the GET
 * validation, a signed delivery to an assigned order, and every bad input answered 4xx with the
 * error envelope, never a 500.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class EcoManagerWebhookResourceTest {

    private static final String URL = "/webhooks/ecomanager/{store}";

    @Inject
    AdminFixtures admin;

    @Inject
    EcoManagerWebhookFixtures fixtures;

    Store store;
    String secret;

    @BeforeEach
    void storeWithSecret() {
        store = admin.store("https://natura.ecomanager.dz/api/shop/v2", "tok-" + UUID.randomUUID());
        secret = fixtures.secret(store);
        admin.agent("Yacine Hamdi", 10_000);
    }

    private static String order(long id, String state) {
        return """
                {"id": %d, "reference": "NATU-%d", "order_state_name": "%s", "confirmation_state_name": "Confirmé",
                 "full_name": "Amina Benali", "telephone": "0551 23 45 67", "wilaya": "Alger", "commune": "Bab Ezzouar",
                 "total": "3500.00", "created_at": "2025-07-24 18:38:27", "updated_at": "2025-07-24T18:40:02",
                 "items": [{"product_id": 91, "title": "Savon à l'huile d'argan", "quantity": 2, "unit_price": 1750}]}
                """.formatted(id, id, state);
    }

    private RequestSpecification delivery(String event, byte[] body, String signature) {
        RequestSpecification request = given().contentType("application/json")
                .header("X-Ecomanager-Event", event)
                .header("X-Ecomanager-Webhook-ID", "4711")
                .header("X-Ecomanager-Source", "https://natura.ecomanager.dz")
                .body(body);
        return signature == null ? request : request.header("X-Ecomanager-Signature", signature);
    }

    private RequestSpecification signed(String event, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return delivery(event, bytes, WebhookSignature.sign(secret, bytes));
    }

    @Test
    void answersEcoManagersValidationGetWith200WithoutAToken() {
        given().when().get(URL, store.identifier).then().statusCode(200);
    }

    @Test
    void importsAndAssignsASignedEnDispatchOrderInTheRequest() {
        long id = AdminFixtures.next();

        signed("OrderStatusChanged", order(id, "En dispatch"))
                .post(URL, store.identifier)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("IMPORTED"));
        signed("OrderStatusChanged", order(id, "En dispatch"))
                .post(URL, store.identifier)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("DUPLICATE"));

        assertThat(fixtures.orders(store)).singleElement().satisfies(row -> {
            assertThat(((Number) row.get("ecomanager_id")).longValue()).isEqualTo(id);
            assertThat(row.get("status")).isEqualTo("ASSIGNED");
            assertThat(row.get("assigned_agent_id")).isNotNull();
        });
    }

    @Test
    void checksTheSignatureOverTheRawBytesNotTheJson() {
        long id = AdminFixtures.next();
        byte[] compact = order(id, "En dispatch").replace("\n", "").getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.sign(secret, compact);
        byte[] respaced = new String(compact, StandardCharsets.UTF_8)
                .replace(", ", ",   ")
                .getBytes(StandardCharsets.UTF_8);

        Response refused = delivery("OrderCreated", respaced, signature).post(URL, store.identifier);
        refused.then().statusCode(401).body("success", equalTo(false)).body("error.code", equalTo("INVALID_SIGNATURE"));
        assertThat(refused.asString()).doesNotContain(secret).doesNotContain("Amina");
        delivery("OrderCreated", compact, signature.toUpperCase())
                .post(URL, store.identifier)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("IMPORTED"));
    }

    @Test
    void refusesAMissingOrWrongSignatureWith401AndStoresOnlyTheCount() {
        byte[] body = order(AdminFixtures.next(), "En dispatch").getBytes(StandardCharsets.UTF_8);

        delivery("OrderCreated", body, null).post(URL, store.identifier).then().statusCode(401);
        delivery("OrderCreated", body, "not-hex")
                .post(URL, store.identifier)
                .then()
                .statusCode(401);
        delivery("OrderCreated", body, WebhookSignature.sign("another-secret", body))
                .post(URL, store.identifier)
                .then()
                .statusCode(401);

        assertThat(fixtures.rejections(store)).isEqualTo(3);
        assertThat(fixtures.inbound(store)).isEmpty();
        assertThat(fixtures.orders(store)).isEmpty();
    }

    @Test
    void anUnknownStoreIs404() {
        signed("OrderCreated", order(1, "En dispatch"))
                .post(URL, "NOSUCHSTORE")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("STORE_NOT_FOUND"));
    }

    @Test
    void malformedJsonOrAnUnreadableOrderIs400WithTheBodyKept() {
        signed("OrderCreated", "{\"id\": 12, \"reference\": ")
                .post(URL, store.identifier)
                .then()
                .statusCode(400)
                .body("error.code", equalTo("MALFORMED_DELIVERY"));
        signed("OrderCreated", "[1, 2, 3]").post(URL, store.identifier).then().statusCode(400);
        String badPhone = order(AdminFixtures.next(), "En dispatch").replace("0551 23 45 67", "12");
        signed("OrderCreated", badPhone)
                .post(URL, store.identifier)
                .then()
                .statusCode(400)
                .body("error.code", equalTo("ORDER_QUARANTINED"));

        assertThat(fixtures.inbound(store))
                .extracting(row -> row.get("status"), row -> row.get("payload"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MALFORMED", "{\"id\": 12, \"reference\": "),
                        org.assertj.core.groups.Tuple.tuple("MALFORMED", "[1, 2, 3]"),
                        org.assertj.core.groups.Tuple.tuple("QUARANTINED", badPhone));
        assertThat(fixtures.orders(store)).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String big = "{\"id\": 1, \"padding\": \"" + "x".repeat(40_000) + "\"}";

        Response answer = signed("OrderCreated", big).post(URL, store.identifier);

        answer.then().statusCode(413).body("error.code", equalTo("PAYLOAD_TOO_LARGE"));
        assertThat(fixtures.inbound(store)).isEmpty();
    }

    @Test
    void otherEventsAreRecordedAndAnUnknownEventAnswered200() {
        long id = AdminFixtures.next();

        signed("OrderConfirmationStatusChanged", order(id, "Confirmé"))
                .post(URL, store.identifier)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("RECORDED"));
        signed("SomethingNew", order(id, "Confirmé"))
                .post(URL, store.identifier)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("UNKNOWN_EVENT"));

        assertThat(fixtures.inbound(store))
                .extracting(row -> row.get("event_type"))
                .containsExactly("OrderConfirmationStatusChanged", "SomethingNew");
        assertThat(fixtures.orders(store)).isEmpty();
    }
}
