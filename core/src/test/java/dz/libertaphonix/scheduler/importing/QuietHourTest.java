package dz.libertaphonix.scheduler.importing;

import static dz.libertaphonix.scheduler.testsupport.EcoManagerPayloads.IN_DISPATCH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.EcoManagerPayloads;
import dz.libertaphonix.scheduler.testsupport.FakeEcoManager;
import dz.libertaphonix.scheduler.testsupport.ImportFixtures;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A quiet hour costs one request per store whatever its first page holds: an order without an id (it
 * is quarantined, and stays in EcoManager's list) still occupies a place in the re-scan window. The
 * WireMock fake counts the requests.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class QuietHourTest {

    static FakeEcoManager fake;

    @Inject
    OrderImportService imports;

    @Inject
    ImportFixtures fixtures;

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

    private Store store(String token) {
        Store store = fixtures.store(fake, token);
        created.add(store);
        return store;
    }

    private StoreImportResult run(Store store) {
        JobResult run = imports.run(fixtures.context(), List.of(store));
        return ((ImportRunResult) run.results()).stores().getFirst();
    }

    private static ObjectNode withoutId(FakeEcoManager.Shop shop, long position) {
        ObjectNode order = EcoManagerPayloads.order(shop.seed(), position, IN_DISPATCH);
        order.remove("id");
        return order;
    }

    /** Positions 300 (the newest), 250 (the middle) and 201 (the last) of the first page of 100. */
    @ParameterizedTest
    @ValueSource(longs = {300, 250, 201})
    void anOrderWithoutIdOnTheFirstPageStillLetsAQuietHourCostOneRequest(long position) {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        FakeEcoManager.Shop shop = fake.shop(token).orders(1, 300, IN_DISPATCH);
        shop.put(position, withoutId(shop, position));
        StoreImportResult first = run(store);
        assertThat(first.imported()).isEqualTo(299);
        assertThat(first.quarantined()).isEqualTo(1);
        long cursor = fixtures.cursor(store);
        int before = fake.requestCount(token);

        StoreImportResult quiet = run(store);

        assertThat(fake.requestCount(token) - before).isEqualTo(1);
        assertThat(quiet.requests()).isEqualTo(1);
        assertThat(quiet.pages()).isEqualTo(1);
        assertThat(quiet.imported()).isZero();
        assertThat(quiet.duplicates()).isZero();
        assertThat(quiet.status()).isEqualTo(StoreImportStatus.SUCCEEDED);
        assertThat(fixtures.cursor(store)).isEqualTo(cursor);
        // quarantined again in place, not a second row
        assertThat(fixtures.quarantine(store)).hasSize(1);
    }

    @Test
    void severalOrdersWithoutIdOnTheFirstPageCostOneRequestToo() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        FakeEcoManager.Shop shop = fake.shop(token).orders(1, 300, IN_DISPATCH);
        for (long position : new long[] {300, 299, 260, 230, 201}) {
            shop.put(position, withoutId(shop, position));
        }
        run(store);
        int before = fake.requestCount(token);

        StoreImportResult quiet = run(store);

        assertThat(fake.requestCount(token) - before).isEqualTo(1);
        assertThat(quiet.imported()).isZero();
    }

    @Test
    void anOrderWithoutIdAmongNewOrdersIsNotCountedInTheRescanWindow() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        FakeEcoManager.Shop shop = fake.shop(token).orders(1, 250, IN_DISPATCH).state(151, "Nouvelle");
        run(store);
        // 100 new places (99 orders with an id, one without), then a late order 100 places below the cursor
        shop.orders(251, 350, IN_DISPATCH).put(320, withoutId(shop, 320)).state(151, IN_DISPATCH);
        int before = fake.requestCount(token);

        StoreImportResult busy = run(store);

        // the first page is all above the cursor; the second holds the whole 100-order window
        assertThat(fake.requestCount(token) - before).isEqualTo(2);
        assertThat(busy.imported()).isEqualTo(100);
        assertThat(busy.lateFound()).isEqualTo(1);
        assertThat(busy.quarantined()).isEqualTo(1);
        assertThat(fixtures.ecomanagerIds(store)).contains(151L, 251L, 350L).doesNotContain(320L);
        assertThat(fixtures.cursor(store)).isEqualTo(350);
    }

    @Test
    void aQuietHourWithoutOrdersWithoutIdIsStillOneRequest() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        fake.shop(token).orders(1, 300, IN_DISPATCH);
        run(store);
        int before = fake.requestCount(token);

        StoreImportResult quiet = run(store);

        assertThat(fake.requestCount(token) - before).isEqualTo(1);
        assertThat(quiet.imported()).isZero();
    }
}
