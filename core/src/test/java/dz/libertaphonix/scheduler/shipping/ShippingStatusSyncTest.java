package dz.libertaphonix.scheduler.shipping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dz.libertaphonix.scheduler.testsupport.MaystroParcels.parcel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dz.libertaphonix.scheduler.common.CredentialState;
import dz.libertaphonix.scheduler.events.CredentialsRejected;
import dz.libertaphonix.scheduler.maystro.MaystroStatus;
import dz.libertaphonix.scheduler.orders.OrderStatus;
import dz.libertaphonix.scheduler.orders.StatusEventSource;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.CoreFixtures;
import dz.libertaphonix.scheduler.testsupport.MaystroFake;
import dz.libertaphonix.scheduler.testsupport.MaystroParcels;
import dz.libertaphonix.scheduler.testsupport.OrderRow;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import dz.libertaphonix.scheduler.testsupport.RecordedCredentialRejections;
import dz.libertaphonix.scheduler.testsupport.ShippingFixtures;
import dz.libertaphonix.scheduler.testsupport.TestJobContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The sync against real PostgreSQL and Redis and a WireMock Maystro. Each test runs in its own era
 * (see {@link ShippingFixtures#era()}), so its open orders are exactly the ones it made.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(MaystroFake.Resource.class)
class ShippingStatusSyncTest {

    @Inject
    RecordedCredentialRejections rejections;

    @Inject
    ShippingStatusSync sync;

    @Inject
    ShippingFixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void keepsTenPagesInFlightAndNeverMore() {
        Instant now = ShippingFixtures.era();
        Store store = fixtures.store();
        List<String> references = references("INFLIGHT", 40);
        List<OrderRow> orders = fixtures.orders(store, references, now, shippedWithCode(31));
        // 38 pages of other businesses' parcels, ours on the last two: the walk must go all the way
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < 760; i++) {
            list.add(parcel(ShippingFixtures.reference("OTHER"), 31, now.minusSeconds(i)));
        }
        references.forEach(r -> list.add(parcel(r, 41, now.minus(Duration.ofDays(1)))));
        MaystroFake.Account maystro = MaystroFake.account("inflight").list(list, 300);

        ShippingSyncReport report = sync.run(List.of(maystro.account()), context(now));

        AccountSyncResult result = report.accounts().get(0);
        assertThat(result.strategy()).isEqualTo(SyncStrategy.PAGING);
        // ten pages under way at once, never more; and the fake really served ten at the same time
        assertThat(result.mostInFlight()).isEqualTo(10);
        assertThat(maystro.maxConcurrentRequests()).isGreaterThanOrEqualTo(10);
        assertThat(maystro.pageRequests()).isBetween(40, 60);
        assertThat(result.checked()).isEqualTo(40);
        assertThat(result.changed()).isEqualTo(40);
        assertThat(result.stoppedBecause()).isEqualTo(ShippingStatusSync.ALL_FOUND);
        assertThat(orders)
                .allSatisfy(o -> assertThat(fixtures.reload(o.id).status).isEqualTo(OrderStatus.DELIVERED));
    }

    @Test
    void asksOnlyForThePagesTheFirstPageCounts() {
        Instant now = ShippingFixtures.era();
        Store store = fixtures.store();
        List<String> references = references("COUNTED", 3);
        fixtures.orders(store, references, now, shippedWithCode(31));
        // 50 parcels, 3 pages of 20; the last open order is on none of them: the walk reads to the end
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            list.add(parcel(ShippingFixtures.reference("OTHER"), 31, now.minusSeconds(i)));
        }
        list.add(parcel(references.get(0), 41, now.minusSeconds(60)));
        list.add(parcel(references.get(1), 41, now.minusSeconds(61)));
        MaystroFake.Account maystro = MaystroFake.account("counted").list(list);

        AccountSyncResult result = sync.run(List.of(maystro.account()), context(now), SyncStrategy.PAGING)
                .accounts()
                .get(0);

        assertThat(maystro.pageRequests()).isEqualTo(3);
        assertThat(maystro.pageRequests(4)).isZero();
        assertThat(result.requests()).isEqualTo(3);
        assertThat(result.stoppedBecause()).isEqualTo(ShippingStatusSync.END_OF_LIST);
        assertThat(result.changed()).isEqualTo(2);
        assertThat(result.notFound()).isEqualTo(1);
        assertThat(result.notChecked()).isZero();
    }

    @Test
    void stillStopsAtAnInvalidPageWhenTheCountPromisesMore() {
        Instant now = ShippingFixtures.era();
        Store store = fixtures.store();
        List<String> references = references("OVERCOUNT", 2);
        fixtures.orders(store, references, now, shippedWithCode(31));
        List<Map<String, Object>> parcels = new ArrayList<>();
        for (int i = 0; i < 39; i++) {
            parcels.add(parcel(ShippingFixtures.reference("OTHER"), 31, now.minusSeconds(i)));
        }
        parcels.add(parcel(references.get(0), 41, now.minusSeconds(60)));
        // Maystro says 100 parcels (5 pages) but serves two pages; page 3 answers "Invalid page"
        MaystroFake.Account maystro = MaystroFake.account("overcount")
                .page(1, okJson(MaystroParcels.page(1, 100, parcels.subList(0, 20), false)))
                .page(2, okJson(MaystroParcels.page(2, 100, parcels.subList(20, 40), false)));

        AccountSyncResult result = sync.run(List.of(maystro.account()), context(now), SyncStrategy.PAGING)
                .accounts()
                .get(0);

        assertThat(result.stoppedBecause()).isEqualTo(ShippingStatusSync.END_OF_LIST);
        assertThat(maystro.pageRequests(3)).isEqualTo(1);
        assertThat(maystro.pageRequests()).isBetween(3, 5);
        assertThat(maystro.pageRequests(6)).isZero();
        assertThat(result.failed()).isZero();
        assertThat(result.changed()).isEqualTo(1);
        assertThat(result.notFound()).isEqualTo(1);
    }

    @Test
    void looksFewOpenOrdersUpOneByOneInsteadOfPaging() {
        Instant now = ShippingFixtures.era();
        Store store = fixtures.store();
        List<String> references = references("FEW", 3);
        fixtures.orders(store, references, now, shippedWithCode(31));
        MaystroFake.Account maystro = MaystroFake.account("few")
                .lookup(references.get(0), List.of(parcel(references.get(0), 41, now)))
                .lookup(references.get(1), List.of(parcel(references.get(1), 32, now)));

        ShippingSyncReport report = sync.run(List.of(maystro.account()), context(now));

        AccountSyncResult result = report.accounts().get(0);
        assertThat(result.strategy()).isEqualTo(SyncStrategy.LOOKUP);
        assertThat(result.strategyReason()).contains("3 lookups cost less");
        assertThat(maystro.lookupRequests()).isEqualTo(3);
        assertThat(maystro.pageRequests()).isZero();
        assertThat(result.checked()).isEqualTo(2);
        assertThat(result.changed()).isEqualTo(2);
        assertThat(result.notFound()).isEqualTo(1);
        assertThat(result.notChecked()).isZero();
        assertThat(report.notFound()).isEqualTo(1);
        assertThat(result.requests()).isEqualTo(3);
    }

    @Test
    void pagesWhenLookingUpEveryOrderWouldCostMore() {
        Instant now = ShippingFixtures.era();
        Store store = fixtures.store();
        List<String> references = references("MANY", 30);
        List<OrderRow> orders = fixtures.orders(store, references, now, shippedWithCode(31));
        MaystroFake.Account maystro = MaystroFake.account("many")
                .list(orders.stream().map(o -> sameAs(o, now)).toList());

        AccountSyncResult result =
                sync.run(List.of(maystro.account()), context(now)).accounts().get(0);

        assertThat(result.strategy()).isEqualTo(SyncStrategy.PAGING);
        assertThat(result.strategyReason()).contains("30 open orders: about 11 pages");
        assertThat(maystro.lookupRequests()).isZero();
        assertThat(result.checked()).isEqualTo(30);
        assertThat(result.unchanged()).isEqualTo(30);
        assertThat(result.changed()).isZero();
    }

    @Test
    void matchesByReferenceAcrossStoresAndFallsBackToTheTrackingNumber() {
        Instant now = ShippingFixtures.era();
        Store first = fixtures.store();
        Store second = fixtures.store();
        String shared = ShippingFixtures.reference("SHARED");
        OrderRow firstShared = fixtures.order(first, shared, now, shippedWithTracking("MYS-A-" + CoreFixtures.next()));
        OrderRow secondShared = fixtures.order(second, shared, now, o -> o.status = OrderStatus.CONFIRMED);
        String byPhone = ShippingFixtures.reference("PHONE");
        OrderRow firstByPhone = fixtures.order(first, byPhone, now);
        OrderRow secondByPhone = fixtures.order(second, byPhone, now);
        String twin = ShippingFixtures.reference("TWIN");
        OrderRow firstTwin = fixtures.order(first, twin, now);
        OrderRow secondTwin = fixtures.order(second, twin, now);
        String trackingOnly = "MYS-E-" + CoreFixtures.next();
        OrderRow byTracking =
                fixtures.order(first, ShippingFixtures.reference("RENAMED"), now, shippedWithTracking(trackingOnly));
        String reshipped = ShippingFixtures.reference("RESHIP");
        OrderRow reshippedOrder = fixtures.order(first, reshipped, now);

        Map<String, Object> toFirst = parcel(shared, 41, now);
        toFirst.put("tracking_number", firstShared.trackingNumber);
        Map<String, Object> toSecond = parcel(shared, 42, now);
        Map<String, Object> toSecondByPhone = parcel(byPhone, 32, now);
        toSecondByPhone.put(
                "customer_phone", "+213" + fixtures.customerPhone(secondByPhone).substring(1));
        Map<String, Object> ambiguous = parcel(twin, 41, now);
        Map<String, Object> viaTracking = parcel(ShippingFixtures.reference("NOTOURS"), 9, now);
        viaTracking.put("tracking_number", trackingOnly);
        Map<String, Object> stranger = parcel(ShippingFixtures.reference("STRANGER"), 41, now);
        Map<String, Object> newest = parcel(reshipped, 31, now);
        Map<String, Object> olderCancelled = parcel(reshipped, 50, now.minus(Duration.ofDays(1)));
        List<Map<String, Object>> list =
                new ArrayList<>(List.of(toFirst, toSecond, toSecondByPhone, ambiguous, viaTracking, stranger, newest));
        for (int i = 0; i < 20; i++) {
            list.add(parcel(ShippingFixtures.reference("FILLER"), 31, now));
        }
        list.add(olderCancelled);
        MaystroFake.Account maystro = MaystroFake.account("matching").list(list);

        AccountSyncResult result = sync.run(List.of(maystro.account()), context(now), SyncStrategy.PAGING)
                .accounts()
                .get(0);

        assertThat(fixtures.reload(firstShared.id).status).isEqualTo(OrderStatus.DELIVERED);
        // the other store's order with the same reference has no tracking number: the new parcel is its own
        assertThat(fixtures.reload(secondShared.id).shippingStatusCode).isEqualTo(42);
        assertThat(fixtures.reload(secondByPhone.id).shippingStatusCode).isEqualTo(32);
        assertThat(fixtures.reload(firstByPhone.id).shippingStatusCode).isNull();
        assertThat(fixtures.reload(firstTwin.id).shippingStatusCode).isNull();
        assertThat(fixtures.reload(secondTwin.id).shippingStatusCode).isNull();
        assertThat(fixtures.reload(byTracking.id).shippingStatusCode).isEqualTo(9);
        // re-shipped: the newer parcel speaks for the order, the older cancelled one on a later page does not
        assertThat(fixtures.reload(reshippedOrder.id).shippingStatusCode).isEqualTo(31);
        assertThat(fixtures.reload(reshippedOrder.id).status).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(result.ambiguous()).isEqualTo(1);
        assertThat(result.checked()).isEqualTo(5);
        assertThat(result.notFound()).isEqualTo(3);
        assertThat(result.stoppedBecause()).isEqualTo(ShippingStatusSync.END_OF_LIST);
    }

    @Test
    void appliesEachOfTheEighteenCodesAndKeepsAnUnknownOne() {
        Instant now = ShippingFixtures.era();
        UUID runId = fixtures.run(now);
        Store store = fixtures.store();
        List<Integer> codes = new ArrayList<>(java.util.Arrays.stream(MaystroStatus.values())
                .map(MaystroStatus::code)
                .toList());
        codes.add(77);
        Map<Integer, OrderRow> orderByCode = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        for (int code : codes) {
            String reference = ShippingFixtures.reference("CODE" + code);
            orderByCode.put(code, fixtures.order(store, reference, now));
            list.add(parcel(reference, code, now));
        }
        MaystroFake.Account maystro = MaystroFake.account("codes").list(list);

        AccountSyncResult result = sync.run(List.of(maystro.account()), TestJobContext.shippingAt(runId, now))
                .accounts()
                .get(0);

        assertThat(codes).hasSize(19);
        assertThat(result.changed()).isEqualTo(19);
        assertThat(result.changedByStatus())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("DELIVERED", 1L, "CANCELLED", 1L, "RETURNED", 1L, "SHIPPING_ONLY", 16L));
        assertThat(result.unknownCodes()).containsExactlyEntriesOf(Map.of("77", 1L));
        orderByCode.forEach((code, order) -> {
            OrderRow synced = fixtures.reload(order.id);
            assertThat(synced.shippingStatusCode).isEqualTo(code);
            assertThat(synced.shippingStatusLabel).isEqualTo(MaystroStatus.labelOf(code));
            assertThat(synced.lastRunId).isEqualTo(runId);
            assertThat(synced.status)
                    .isEqualTo(
                            switch (code) {
                                case 41 -> OrderStatus.DELIVERED;
                                case 50 -> OrderStatus.CANCELLED;
                                case 52 -> OrderStatus.RETURNED;
                                default -> OrderStatus.CONFIRMED;
                            });
            assertThat(fixtures.events(order.id)).singleElement().satisfies(event -> {
                assertThat(event.source).isEqualTo(StatusEventSource.SHIPPING_SYNC);
                assertThat(event.runId).isEqualTo(runId);
                assertThat(event.fromStatus).isEqualTo("CONFIRMED");
                assertThat(event.toStatus).isEqualTo(synced.status.name());
                assertThat(event.fromShippingCode).isNull();
                assertThat(event.toShippingCode).isEqualTo(code);
                assertThat(event.details).containsEntry("label", MaystroStatus.labelOf(code));
            });
        });
        assertThat(fixtures.reload(orderByCode.get(77).id).shippingStatusLabel).isEqualTo("INCONNU (77)");
        assertThat(fixtures.reload(orderByCode.get(41).id).shippingDeliveredAt).isNotNull();
        assertThat(fixtures.reload(orderByCode.get(32).id).shippingAlertReason).isEqualTo("Client injoignable");
        assertThat(fixtures.reload(orderByCode.get(50).id).shippingAbortReason).contains("Annulé par le client");

        // the same answers again: nothing changes, no event is added, the finished parcels are no longer open
        UUID secondRun = fixtures.run(now);
        AccountSyncResult again = sync.run(List.of(maystro.account()), TestJobContext.shippingAt(secondRun, now))
                .accounts()
                .get(0);
        assertThat(again.openOrders()).isEqualTo(16);
        assertThat(again.changed()).isZero();
        assertThat(again.unchanged()).isEqualTo(16);
        assertThat(orderByCode.values())
                .allSatisfy(o -> assertThat(fixtures.events(o.id)).hasSize(1));
    }

    @Test
    void anOrderNeverLeavesATerminalStatus() {
        Instant now = ShippingFixtures.era();
        Store store = fixtures.store();
        OrderRow delivered = fixtures.order(store, ShippingFixtures.reference("TERM"), now, o -> {
            shippedWithCode(31).accept(o);
            o.status = OrderStatus.DELIVERED;
        });
        OrderRow returned = fixtures.order(store, ShippingFixtures.reference("TERM"), now, o -> {
            shippedWithCode(42).accept(o);
            o.status = OrderStatus.RETURNED;
        });
        MaystroFake.Account maystro = MaystroFake.account("terminal")
                .list(List.of(parcel(delivered.reference, 50, now), parcel(returned.reference, 41, now)));

        sync.run(List.of(maystro.account()), context(now), SyncStrategy.PAGING);

        assertThat(fixtures.reload(delivered.id).status).isEqualTo(OrderStatus.DELIVERED);
        assertThat(fixtures.reload(delivered.id).shippingStatusCode).isEqualTo(50);
        assertThat(fixtures.reload(returned.id).status).isEqualTo(OrderStatus.RETURNED);
        assertThat(fixtures.reload(returned.id).shippingStatusCode).isEqualTo(41);
        assertThat(fixtures.events(returned.id)).singleElement().satisfies(e -> {
            assertThat(e.fromStatus).isEqualTo("RETURNED");
            assertThat(e.toStatus).isEqualTo("RETURNED");
        });
    }

    @Test
    void aFailedPageLeavesItsOrdersNotCheckedAndNeverUnchanged() {
        Instant now = ShippingFixtures.era();
        Store store = fixtures.store();
        List<String> references = references("FAILPAGE", 60);
        List<OrderRow> orders = fixtures.orders(store, references, now, shippedWithCode(31));
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // the orders already show code 31 and these parcels' numbers: page 3 changes nothing
            list.add(i < 20 ? parcel(references.get(i), 41, now) : sameAs(orders.get(i), now));
        }
        MaystroFake.Account maystro =
                MaystroFake.account("failpage").list(list).page(2, aResponse().withStatus(500));

        ShippingSyncReport report = sync.run(List.of(maystro.account()), context(now), SyncStrategy.PAGING);

        AccountSyncResult result = report.accounts().get(0);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.checked()).isEqualTo(40);
        assertThat(result.changed()).isEqualTo(20);
        assertThat(result.unchanged()).isEqualTo(20);
        assertThat(result.notChecked()).isEqualTo(20);
        assertThat(result.notFound()).isZero();
        assertThat(result.error()).contains("HTTP 500");
        assertThat(report.notChecked()).isEqualTo(20);
        assertThat(orders.subList(20, 40))
                .allSatisfy(o -> assertThat(fixtures.events(o.id)).isEmpty());
        JobResult job = ShippingStatusSyncJob.result(report);
        assertThat(job.status()).isEqualTo(JobRunStatus.PARTIAL);
        assertThat(job.counts())
                .containsEntry("notChecked", 20L)
                .containsEntry("failedRequests", 1L)
                .containsEntry("conflicts", 0L);
        assertThat(job.message()).contains("20 open order(s) not checked");
        assertThat(job.units()).singleElement().satisfies(unit -> {
            assertThat(unit.unit()).isEqualTo("failpage");
            assertThat(unit.succeeded()).isFalse();
            assertThat(unit.count()).isEqualTo(20);
            assertThat(unit.error()).contains("HTTP 500");
        });
    }

    @Test
    void waitsOutA429OnAPageInsteadOfSkippingIt() {
        Instant now = ShippingFixtures.era();
        Store store = fixtures.store();
        List<String> references = references("RATE", 40);
        fixtures.orders(store, references, now, shippedWithCode(31));
        List<String> pages = MaystroParcels.pages(
                references.stream().map(r -> parcel(r, 41, now)).toList());
        MaystroFake.Account maystro = MaystroFake.account("ratelimited")
                .page(1, okJson(pages.get(0)))
                .pageThen(2, aResponse().withStatus(429).withHeader("Retry-After", "1"), okJson(pages.get(1)));

        ShippingSyncReport report = sync.run(List.of(maystro.account()), context(now), SyncStrategy.PAGING);

        AccountSyncResult result = report.accounts().get(0);
        assertThat(result.changed()).isEqualTo(40);
        assertThat(result.failed()).isZero();
        assertThat(result.notChecked()).isZero();
        assertThat(maystro.pageRequests(2)).isEqualTo(2);
        assertThat(result.requests()).isEqualTo(maystro.pageRequests());
        assertThat(ShippingStatusSyncJob.result(report).status()).isEqualTo(JobRunStatus.SUCCEEDED);
    }

    @Test
    void aRejectedKeyStopsOnlyItsAccountAndIsRecorded() {
        Instant now = ShippingFixtures.era();
        Store store = fixtures.store();
        List<String> references = references("REJECT", 12);
        fixtures.orders(store, references, now, shippedWithCode(31));
        String rejectedName = "revoked-" + CoreFixtures.next();
        String workingName = "working-" + CoreFixtures.next();
        MaystroFake.Account revoked = MaystroFake.account(rejectedName)
                .always(aResponse().withStatus(403).withBody("{\"detail\":\"Forbidden\"}"));
        MaystroFake.Account working = MaystroFake.account(workingName)
                .list(references.stream().map(r -> parcel(r, 41, now)).toList());

        ShippingSyncReport report =
                sync.run(List.of(revoked.account(), working.account()), context(now), SyncStrategy.PAGING);

        AccountSyncResult first = report.accounts().get(0);
        assertThat(first.stoppedBecause()).isEqualTo(ShippingStatusSync.CREDENTIALS_REJECTED);
        assertThat(first.error()).contains("HTTP 403").doesNotContain(revoked.key());
        // the pages already in flight were refused too, each once: never retried
        assertThat(revoked.pageRequests()).isBetween(1, 10);
        IntStream.rangeClosed(1, 10)
                .forEach(page -> assertThat(revoked.pageRequests(page)).isLessThanOrEqualTo(1));
        assertThat(fixtures.courierAccount(rejectedName).credentialState).isEqualTo(CredentialState.REJECTED);
        assertThat(fixtures.courierAccount(rejectedName).credentialError).contains("HTTP 403");
        assertThat(rejections.of(rejectedName)).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(CredentialsRejected.Kind.COURIER_ACCOUNT);
            assertThat(event.httpStatus()).isEqualTo(403);
        });
        assertThat(rejections.of(workingName)).isEmpty();
        AccountSyncResult second = report.accounts().get(1);
        assertThat(second.changed()).isEqualTo(12);
        assertThat(fixtures.courierAccount(workingName).credentialState).isEqualTo(CredentialState.OK);
        assertThat(report.checked()).isEqualTo(12);
        assertThat(ShippingStatusSyncJob.result(report).status()).isEqualTo(JobRunStatus.PARTIAL);
    }

    @Test
    void writesBatchesOfAHundredEachInItsOwnTransactionSoACrashLosesOnlyTheBatchInHand() throws SQLException {
        Instant now = ShippingFixtures.era();
        Store store = fixtures.store();
        List<String> references = references("BATCH", 250);
        List<OrderRow> orders = fixtures.orders(store, references, now, shippedWithCode(31));
        MaystroFake.Account maystro = MaystroFake.account("batches")
                .list(references.stream().map(r -> parcel(r, 41, now)).toList());
        String trigger = "crash_" + CoreFixtures.next();
        // a real failure inside the database, on the 151st change: the second batch of a hundred
        execute("create function " + trigger + "() returns trigger language plpgsql as $$ begin "
                + "if new.reference = '" + references.get(150) + "' and new.status = 'DELIVERED' then "
                + "raise exception 'simulated crash'; end if; return new; end $$");
        execute("create trigger " + trigger + " before update on orders for each row execute function " + trigger
                + "()");
        try {
            assertThatThrownBy(() -> sync.run(List.of(maystro.account()), context(now), SyncStrategy.PAGING))
                    .isInstanceOf(ShippingWriteException.class);
        } finally {
            execute("drop trigger " + trigger + " on orders");
            execute("drop function " + trigger + "()");
        }

        assertThat(orders.subList(0, 100)).allSatisfy(o -> {
            assertThat(fixtures.reload(o.id).status).isEqualTo(OrderStatus.DELIVERED);
            assertThat(fixtures.events(o.id)).hasSize(1);
        });
        assertThat(orders.subList(100, 250)).allSatisfy(o -> {
            assertThat(fixtures.reload(o.id).status).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(fixtures.events(o.id)).isEmpty();
        });

        // the next run finishes the job: 150 orders, two more batches, still one event per order
        AccountSyncResult result = sync.run(List.of(maystro.account()), context(now), SyncStrategy.PAGING)
                .accounts()
                .get(0);
        assertThat(result.openOrders()).isEqualTo(150);
        assertThat(result.changed()).isEqualTo(150);
        assertThat(orders).allSatisfy(o -> assertThat(fixtures.events(o.id)).hasSize(1));
        Map<Instant, Long> batches = orders.subList(100, 250).stream()
                .collect(Collectors.groupingBy(o -> fixtures.reload(o.id).updatedAt, Collectors.counting()));
        assertThat(batches.values()).containsExactlyInAnyOrder(100L, 50L);
    }

    @Test
    void stopsAskingAtTheDeadlineAndReportsTheRestNotChecked() {
        Instant now = ShippingFixtures.era();
        UUID runId = fixtures.run(now);
        Store store = fixtures.store();
        List<String> references = references("DEADLINE", 60);
        fixtures.orders(store, references, now, shippedWithCode(31));
        MaystroFake.Account maystro = MaystroFake.account("deadline")
                .list(references.stream().map(r -> parcel(r, 41, now)).toList());
        // the clock moves a minute per look: the run's start, the account's start, two pages, then the deadline
        TestJobContext context = TestJobContext.shippingTicking(runId, now, Duration.ofMinutes(1), 4);

        ShippingSyncReport report = sync.run(List.of(maystro.account()), context, SyncStrategy.PAGING);

        AccountSyncResult result = report.accounts().get(0);
        assertThat(result.stoppedBecause()).isEqualTo(ShippingStatusSync.DEADLINE);
        assertThat(maystro.pageRequests()).isEqualTo(2);
        assertThat(result.changed()).isEqualTo(40);
        assertThat(result.notChecked()).isEqualTo(20);
        assertThat(report.deadlineReached()).isTrue();
        assertThat(ShippingStatusSyncJob.result(report).status()).isEqualTo(JobRunStatus.PARTIAL);
    }

    @Test
    void ordersOutsideTheAgeWindowOrNeverShippedAreNotFollowed() {
        Instant now = ShippingFixtures.era();
        Store store = fixtures.store();
        OrderRow tooOld = fixtures.order(store, ShippingFixtures.reference("OLD"), now, o -> {
            shippedWithCode(31).accept(o);
            o.importedAt = now.minus(Duration.ofDays(61));
        });
        OrderRow notShipped = fixtures.order(
                store, ShippingFixtures.reference("NOTSHIPPED"), now, o -> o.status = OrderStatus.IN_PROGRESS);
        OrderRow followed = fixtures.order(store, ShippingFixtures.reference("FOLLOWED"), now);
        MaystroFake.Account maystro = MaystroFake.account("window")
                .list(List.of(
                        parcel(tooOld.reference, 41, now),
                        parcel(notShipped.reference, 41, now),
                        parcel(followed.reference, 41, now)));

        ShippingSyncReport report = sync.run(List.of(maystro.account()), context(now), SyncStrategy.PAGING);

        assertThat(report.openOrders()).isEqualTo(1);
        assertThat(fixtures.reload(followed.id).status).isEqualTo(OrderStatus.DELIVERED);
        assertThat(fixtures.reload(tooOld.id).status).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(fixtures.reload(notShipped.id).status).isEqualTo(OrderStatus.IN_PROGRESS);
    }

    /** A parcel saying exactly what the order already shows (code 31, its numbers). */
    private static Map<String, Object> sameAs(OrderRow order, Instant now) {
        Map<String, Object> parcel = parcel(order.reference, order.shippingStatusCode, now);
        parcel.put("tracking_number", order.trackingNumber);
        parcel.put("id", order.maystroOrderId);
        return parcel;
    }

    private TestJobContext context(Instant now) {
        return TestJobContext.shippingAt(fixtures.run(now), now);
    }

    private static List<String> references(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> ShippingFixtures.reference(prefix))
                .toList();
    }

    private static java.util.function.Consumer<OrderRow> shippedWithCode(int code) {
        return order -> {
            order.shippingStatusCode = code;
            order.shippingStatusLabel = MaystroStatus.labelOf(code);
            order.trackingNumber = "MYS" + CoreFixtures.next();
            order.maystroOrderId = String.valueOf(CoreFixtures.next());
        };
    }

    private static java.util.function.Consumer<OrderRow> shippedWithTracking(String tracking) {
        return order -> {
            order.status = OrderStatus.CONFIRMED;
            order.trackingNumber = tracking;
        };
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
