package dz.libertaphonix.scheduler.importing.webhook;

import static dz.libertaphonix.scheduler.testsupport.WebhookFixtures.order;
import static dz.libertaphonix.scheduler.testsupport.WebhookFixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dz.libertaphonix.scheduler.ecomanager.UnreadableWebhookBodyException;
import dz.libertaphonix.scheduler.importing.OrderImportService;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.EcoManagerPayloads;
import dz.libertaphonix.scheduler.testsupport.FakeEcoManager;
import dz.libertaphonix.scheduler.testsupport.ImportFixtures;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import dz.libertaphonix.scheduler.testsupport.WebhookFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EcoManager deliveries through the intake, against real PostgreSQL and Redis and a fake EcoManager
 * for the hourly poll they race with.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class EcoManagerDeliveriesTest {

    static FakeEcoManager fake;

    @Inject
    EcoManagerDeliveries deliveries;

    @Inject
    OrderImportService imports;

    @Inject
    ImportFixtures fixtures;

    @Inject
    WebhookFixtures webhooks;

    private final List<Store> created = new ArrayList<>();

    @BeforeAll
    static void startFake() {
        fake = FakeEcoManager.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @AfterEach
    void retireStores() {
        fixtures.deactivate(created.toArray(Store[]::new));
    }

    private Store store() {
        return store(FakeEcoManager.newToken());
    }

    private Store store(String token) {
        Store store = fixtures.store(fake, token);
        created.add(store);
        fixtures.agent("Samira Boukhari", 10_000);
        return store;
    }

    private long assignments(long orderId) {
        return fixtures.statusEvents(orderId).stream()
                .filter(event -> "ASSIGNMENT".equals(event.get("source")))
                .count();
    }

    @Test
    void importsAnEnDispatchOrderInsideTheDeliveryAndARedeliveryChangesNothing() {
        Store store = store();
        String secret = webhooks.secret(store);
        String body = order(1, 7001, "En dispatch", "2025-07-24 18:40:00");

        DeliveryResult first = deliveries.receive(signed(store, secret, "OrderStatusChanged", body));
        DeliveryResult again = deliveries.receive(signed(store, secret, "OrderStatusChanged", body));

        assertThat(first.outcome()).isEqualTo(DeliveryOutcome.IMPORTED);
        assertThat(again.outcome()).isEqualTo(DeliveryOutcome.DUPLICATE);
        Map<String, Object> row = fixtures.orders(store).get(7001L);
        assertThat(row).containsEntry("status", "ASSIGNED").containsEntry("ecomanager_state", "En dispatch");
        long orderId = ((Number) row.get("id")).longValue();
        assertThat(fixtures.statusEvents(orderId))
                .extracting(event -> event.get("source"))
                .containsExactly("IMPORT", "ASSIGNMENT");
        assertThat(webhooks.inbound(store)).hasSize(2).allSatisfy(event -> {
            assertThat(event).containsEntry("event_type", "OrderStatusChanged");
            assertThat(event).containsEntry("webhook_id", "wh-OrderStatusChanged");
            assertThat(event).containsEntry("source_url", "https://natura.ecomanager.dz");
            assertThat(((Number) event.get("ecomanager_id")).longValue()).isEqualTo(7001L);
            assertThat(((Number) event.get("order_id")).longValue()).isEqualTo(orderId);
            assertThat(event.get("payload"))
                    .as("a good delivery's body is not kept")
                    .isNull();
        });
    }

    @Test
    void acceptsTheOrderWrappedInData() {
        Store store = store();
        String secret = webhooks.secret(store);
        String body = "{\"data\": " + order(1, 7002, "En dispatch", "2025-07-24 18:40:00") + "}";

        assertThat(deliveries
                        .receive(signed(store, secret, "OrderCreated", body))
                        .outcome())
                .isEqualTo(DeliveryOutcome.IMPORTED);
        assertThat(fixtures.ecomanagerIds(store)).containsExactly(7002L);
    }

    @Test
    void concurrentRedeliveriesAndTheHourlyPollGiveOneRowAndOneAssignmentPerOrder() throws Exception {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        String secret = webhooks.secret(store);
        FakeEcoManager.Shop shop = fake.shop(token);
        long seed = shop.seed();
        List<Long> ids = LongStream.rangeClosed(8001, 8016).boxed().toList();
        shop.orders(8001, 8016, "En dispatch");
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> racers = new ArrayList<>();
            for (long id : ids) {
                String body = EcoManagerPayloads.order(seed, id, "En dispatch").toString();
                for (int copy = 0; copy < 4; copy++) {
                    racers.add(pool.submit(
                            after(start, () -> deliveries.receive(signed(store, secret, "OrderStatusChanged", body)))));
                }
            }
            racers.add(pool.submit(after(start, () -> imports.run(fixtures.context(), List.of(store)))));
            start.countDown();
            for (Future<?> racer : racers) {
                racer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<Long, Map<String, Object>> rows = fixtures.orders(store);
        assertThat(rows.keySet()).containsExactlyElementsOf(ids);
        for (Map<String, Object> row : rows.values()) {
            assertThat(row).containsEntry("status", "ASSIGNED");
            assertThat(assignments(((Number) row.get("id")).longValue())).isEqualTo(1);
        }
        assertThat(webhooks.inbound(store))
                .hasSize(ids.size() * 4)
                .extracting(event -> event.get("status"))
                .containsOnly("IMPORTED", "DUPLICATE");
        assertThat(webhooks.inbound(store).stream().filter(e -> "IMPORTED".equals(e.get("status"))))
                .as("at most one delivery per order imported it (none where the poll was first)")
                .hasSizeLessThanOrEqualTo(ids.size());
    }

    private static Callable<Object> after(CountDownLatch start, Callable<Object> work) {
        return () -> {
            start.await();
            return work.call();
        };
    }

    @Test
    void everyEventTypeIsRecordedAndOnlyAnEnDispatchOrderIsImported() {
        Store store = store();
        String secret = webhooks.secret(store);

        DeliveryResult created = deliveries.receive(
                signed(store, secret, "OrderCreated", order(1, 9001, "En dispatch", "2025-07-24 10:00:00")));
        DeliveryResult status = deliveries.receive(
                signed(store, secret, "OrderStatusChanged", order(1, 9001, "Confirmé", "2025-07-24 11:00:00")));
        DeliveryResult confirmation = deliveries.receive(signed(
                store, secret, "OrderConfirmationStatusChanged", order(1, 9001, "Confirmé", "2025-07-24 12:00:00")));
        DeliveryResult shipping = deliveries.receive(
                signed(store, secret, "OrderShippingStatusChanged", order(1, 9001, "Expédié", "2025-07-24 13:00:00")));
        DeliveryResult deleted = deliveries.receive(
                signed(store, secret, "OrderDeleted", order(1, 9001, "Expédié", "2025-07-24 14:00:00")));
        DeliveryResult unknownOrder = deliveries.receive(
                signed(store, secret, "OrderCreated", order(1, 9002, "Confirmé", "2025-07-24 10:00:00")));
        DeliveryResult deletedInDispatch = deliveries.receive(
                signed(store, secret, "OrderDeleted", order(1, 9003, "En dispatch", "2025-07-24 10:00:00")));
        DeliveryResult unknownEvent = deliveries.receive(
                signed(store, secret, "OrderArchived", order(1, 9004, "En dispatch", "2025-07-24 10:00:00")));

        assertThat(List.of(
                        created,
                        status,
                        confirmation,
                        shipping,
                        deleted,
                        unknownOrder,
                        deletedInDispatch,
                        unknownEvent))
                .extracting(DeliveryResult::outcome)
                .containsExactly(
                        DeliveryOutcome.IMPORTED,
                        DeliveryOutcome.UPDATED,
                        DeliveryOutcome.UPDATED,
                        DeliveryOutcome.UPDATED,
                        DeliveryOutcome.RECORDED,
                        DeliveryOutcome.RECORDED,
                        DeliveryOutcome.RECORDED,
                        DeliveryOutcome.UNKNOWN_EVENT);
        assertThat(fixtures.ecomanagerIds(store))
                .as("only the En dispatch order")
                .containsExactly(9001L);
        Map<String, Object> row = fixtures.orders(store).get(9001L);
        assertThat(row)
                .as("EcoManager's state mirrored; the agent's assignment and the order's status untouched")
                .containsEntry("ecomanager_state", "Expédié")
                .containsEntry("status", "ASSIGNED");
        assertThat(webhooks.inbound(store))
                .extracting(event -> event.get("event_type"))
                .containsExactly(
                        "OrderCreated",
                        "OrderStatusChanged",
                        "OrderConfirmationStatusChanged",
                        "OrderShippingStatusChanged",
                        "OrderDeleted",
                        "OrderCreated",
                        "OrderDeleted",
                        "OrderArchived");
        assertThat(webhooks.inbound(store).getLast().get("payload"))
                .as("an unknown event's body is kept")
                .asString()
                .contains("\"id\":9004");
    }

    @Test
    void anOlderDeliveryNeverOverwritesANewerOne() {
        Store store = store();
        String secret = webhooks.secret(store);

        deliveries.receive(signed(store, secret, "OrderCreated", order(1, 9101, "En dispatch", "2025-07-24 10:00:00")));
        DeliveryResult newer = deliveries.receive(
                signed(store, secret, "OrderStatusChanged", order(1, 9101, "Annulé", "2025-07-24 12:00:00")));
        DeliveryResult older = deliveries.receive(
                signed(store, secret, "OrderStatusChanged", order(1, 9101, "Confirmé", "2025-07-24 11:00:00")));
        // an order we do not have: its newer state arrives first, its older En dispatch after it
        DeliveryResult laterState = deliveries.receive(
                signed(store, secret, "OrderStatusChanged", order(1, 9102, "Confirmé", "2025-07-24 12:00:00")));
        DeliveryResult earlierDispatch = deliveries.receive(
                signed(store, secret, "OrderStatusChanged", order(1, 9102, "En dispatch", "2025-07-24 11:00:00")));

        assertThat(newer.outcome()).isEqualTo(DeliveryOutcome.UPDATED);
        assertThat(older.outcome()).isEqualTo(DeliveryOutcome.STALE);
        assertThat(fixtures.orders(store).get(9101L)).containsEntry("ecomanager_state", "Annulé");
        assertThat(laterState.outcome()).isEqualTo(DeliveryOutcome.RECORDED);
        assertThat(earlierDispatch.outcome()).isEqualTo(DeliveryOutcome.STALE);
        assertThat(fixtures.ecomanagerIds(store)).containsExactly(9101L);
    }

    @Test
    void anOrderTheHourlyImportTookHoldsItsVersionSoAnOlderDeliveryDoesNotMoveIt() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        String secret = webhooks.secret(store);
        FakeEcoManager.Shop shop = fake.shop(token);
        shop.orders(9151, 9151, "En dispatch");
        imports.run(fixtures.context(), List.of(store));

        // the shop's orders are all updated after 2025-07-01
        DeliveryResult older = deliveries.receive(
                signed(store, secret, "OrderStatusChanged", order(shop.seed(), 9151, "Annulé", "2025-06-30 10:00:00")));

        assertThat(older.outcome()).isEqualTo(DeliveryOutcome.STALE);
        assertThat(fixtures.orders(store).get(9151L)).containsEntry("ecomanager_state", "En dispatch");
    }

    @Test
    void aRotatedSecretRefusesDeliveriesSignedWithTheOldOne() {
        Store store = store();
        String old = webhooks.secret(store);
        String body = order(1, 9161, "Confirmé", "2025-07-24 10:00:00");
        assertThat(deliveries.receive(signed(store, old, "OrderCreated", body)).outcome())
                .isEqualTo(DeliveryOutcome.RECORDED);

        String rotated = webhooks.secret(store);

        assertThatThrownBy(() -> deliveries.receive(signed(store, old, "OrderCreated", body)))
                .isInstanceOf(WebhookSignatureRejectedException.class);
        assertThat(deliveries
                        .receive(signed(store, rotated, "OrderCreated", body))
                        .outcome())
                .isEqualTo(DeliveryOutcome.RECORDED);
    }

    @Test
    void aSignatureOverOtherBytesIsRefusedCountedAndNothingElseStored() {
        Store store = store();
        String secret = webhooks.secret(store);
        String compact = order(1, 9201, "En dispatch", "2025-07-24 10:00:00");
        String respaced = compact.replace(",", ", ").replace(":", ": ");
        InboundDelivery signedCompact = signed(store, secret, "OrderCreated", compact);
        InboundDelivery sameJsonOtherSpacing = new InboundDelivery(
                store.identifier,
                "OrderCreated",
                "wh-1",
                null,
                signedCompact.signature(),
                respaced.getBytes(StandardCharsets.UTF_8));
        InboundDelivery unsigned =
                new InboundDelivery(store.identifier, "OrderCreated", "wh-1", null, null, compact.getBytes());
        InboundDelivery otherSecret = signed(store, secret + "0", "OrderCreated", compact);

        for (InboundDelivery refused : List.of(sameJsonOtherSpacing, unsigned, otherSecret)) {
            assertThatThrownBy(() -> deliveries.receive(refused))
                    .isInstanceOf(WebhookSignatureRejectedException.class)
                    .hasMessageNotContaining(secret);
        }

        assertThat(webhooks.rejections(store)).isEqualTo(3);
        assertThat(webhooks.inbound(store)).isEmpty();
        assertThat(fixtures.ecomanagerIds(store)).isEmpty();
        assertThat(deliveries.receive(signedCompact).outcome()).isEqualTo(DeliveryOutcome.IMPORTED);
    }

    @Test
    void aStoreWithoutASecretRefusesEveryDelivery() {
        Store store = store();

        assertThatThrownBy(() -> deliveries.receive(
                        signed(store, "guess", "OrderCreated", order(1, 9301, "En dispatch", "2025-07-24 10:00:00"))))
                .isInstanceOf(WebhookSignatureRejectedException.class);
        assertThat(webhooks.rejections(store)).isEqualTo(1);
    }

    @Test
    void keepsTheBodyOfAMalformedDeliveryAndQuarantinesAnOrderThatCannotBeImported() {
        Store store = store();
        String secret = webhooks.secret(store);
        String notJson = "{\"id\": 9401, \"reference\": ";
        String noId = "{\"data\": {\"reference\": \"LP-9402\", \"order_state_name\": \"En dispatch\"}}";
        String badPhone = EcoManagerPayloads.order(1, 9403, "En dispatch")
                .put("telephone", "12")
                .toString();

        assertThatThrownBy(() -> deliveries.receive(signed(store, secret, "OrderCreated", notJson)))
                .isInstanceOf(UnreadableWebhookBodyException.class);
        assertThatThrownBy(() -> deliveries.receive(signed(store, secret, "OrderCreated", noId)))
                .isInstanceOf(UnreadableWebhookBodyException.class);
        assertThatThrownBy(() -> deliveries.receive(signed(store, secret, "OrderCreated", badPhone)))
                .isInstanceOf(QuarantinedDeliveryException.class);

        assertThat(webhooks.inbound(store))
                .extracting(event -> event.get("status"), event -> event.get("payload"))
                .containsExactly(tuple("MALFORMED", notJson), tuple("MALFORMED", noId), tuple("QUARANTINED", badPhone));
        assertThat(fixtures.quarantine(store)).singleElement().satisfies(row -> assertThat(
                        ((Number) row.get("ecomanager_id")).longValue())
                .isEqualTo(9403L));
        assertThat(fixtures.ecomanagerIds(store)).isEmpty();
    }

    @Test
    void anInactiveStoreRecordsTheDeliveryAndImportsNothing() {
        Store store = store();
        String secret = webhooks.secret(store);
        fixtures.deactivate(store);

        assertThat(deliveries
                        .receive(signed(
                                store, secret, "OrderCreated", order(1, 9501, "En dispatch", "2025-07-24 10:00:00")))
                        .outcome())
                .isEqualTo(DeliveryOutcome.IGNORED);
        assertThat(fixtures.ecomanagerIds(store)).isEmpty();
    }
}
