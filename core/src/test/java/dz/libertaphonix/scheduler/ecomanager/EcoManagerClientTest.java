package dz.libertaphonix.scheduler.ecomanager;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.stores.StoreConnectionTester.ConnectionCheck;
import dz.libertaphonix.scheduler.testsupport.EcoManagerPayloads;
import dz.libertaphonix.scheduler.testsupport.FakeEcoManager;
import dz.libertaphonix.scheduler.testsupport.ImportFixtures;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against a fake EcoManager: every error class behaves as specified. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class EcoManagerClientTest {

    static FakeEcoManager fake;

    @Inject
    EcoManagerClient client;

    @Inject
    EcoManagerConnectionTester tester;

    @Inject
    ImportFixtures fixtures;

    @BeforeAll
    static void startFake() {
        fake = FakeEcoManager.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    private Store storeWithOrders(String token, int count) {
        Store store = fixtures.store(fake, token);
        fake.shop(token).orders(20_001, 20_000 + count, EcoManagerPayloads.IN_DISPATCH);
        fixtures.deactivate(store);
        return store;
    }

    @Test
    void walksCursorPagesNewestFirstWithTheBearerToken() {
        String token = FakeEcoManager.newToken();
        EcoManagerSession session = client.open(storeWithOrders(token, 150));

        OrdersPage first = session.orders(null, 100);
        OrdersPage second = session.orders(first.nextCursor(), 100);

        assertThat(first.orders()).hasSize(100);
        assertThat(first.orders().get(0).id()).isEqualTo(20_150L);
        assertThat(second.orders()).hasSize(50);
        assertThat(second.orders().get(49).id()).isEqualTo(20_001L);
        assertThat(second.last()).isTrue();
        LoggedRequest request = fake.requests(token).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + token);
        assertThat(request.queryParameter("per_page").firstValue()).isEqualTo("100");
        assertThat(request.queryParameter("sort_direction").firstValue()).isEqualTo("desc");
        assertThat(session.requests()).isEqualTo(2);
    }

    @Test
    void rejectedTokenIsNeverRetriedAndNeverAppearsInTheError() {
        String token401 = FakeEcoManager.newToken();
        String token403 = FakeEcoManager.newToken();
        EcoManagerSession unauthenticated = client.open(storeWithOrders(token401, 1));
        EcoManagerSession forbidden = client.open(storeWithOrders(token403, 1));
        fake.failAlways(token401, aResponse().withStatus(401).withBody("{\"message\":\"Unauthenticated.\"}"));
        fake.failAlways(token403, aResponse().withStatus(403).withBody("{\"message\":\"Token expired\"}"));

        assertThatThrownBy(() -> unauthenticated.orders(null, 100))
                .isInstanceOf(StoreCredentialsRejectedException.class)
                .hasMessageContaining("401")
                .hasMessageNotContaining(token401);
        assertThatThrownBy(() -> forbidden.orders(null, 100))
                .isInstanceOf(StoreCredentialsRejectedException.class)
                .hasMessageContaining("403")
                .hasMessageNotContaining(token403);
        assertThat(fake.requestCount(token401)).isEqualTo(1);
        assertThat(fake.requestCount(token403)).isEqualTo(1);
    }

    @Test
    void honoursRetryAfterOnA429ThenSucceeds() {
        String token = FakeEcoManager.newToken();
        EcoManagerSession session = client.open(storeWithOrders(token, 3));
        fake.failNext(token, 1, aResponse().withStatus(429).withHeader("Retry-After", "1"));

        OrdersPage page = session.orders(null, 100);

        assertThat(page.orders()).hasSize(3);
        List<LoggedRequest> requests = fake.requests(token);
        assertThat(requests).hasSize(2);
        assertThat(Duration.between(
                        requests.get(0).getLoggedDate().toInstant(),
                        requests.get(1).getLoggedDate().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void waitsTheDefaultDelayOnA429WithoutRetryAfter() {
        String token = FakeEcoManager.newToken();
        EcoManagerSession session = client.open(storeWithOrders(token, 3));
        fake.failNext(token, 1, aResponse().withStatus(429));

        OrdersPage page = session.orders(null, 100);

        assertThat(page.orders()).hasSize(3);
        List<LoggedRequest> requests = fake.requests(token);
        // scheduler.ecomanager.default-retry-after is 1 s in tests (60 s in production)
        assertThat(Duration.between(
                        requests.get(0).getLoggedDate().toInstant(),
                        requests.get(1).getLoggedDate().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void givesUpAtOnceWhenRetryAfterIsBeyondTheCap() {
        String token = FakeEcoManager.newToken();
        EcoManagerSession session = client.open(storeWithOrders(token, 3));
        fake.failAlways(token, aResponse().withStatus(429).withHeader("Retry-After", "3600"));

        assertThatThrownBy(() -> session.orders(null, 100))
                .isInstanceOf(UpstreamRateLimitedException.class)
                .hasMessageContaining("3600");
        assertThat(fake.requestCount(token)).isEqualTo(1);
    }

    @Test
    void neverWaitsForARetryPastTheDeadline() {
        String token = FakeEcoManager.newToken();
        Store store = storeWithOrders(token, 3);
        EcoManagerSession session = client.open(store, java.time.Instant.now().plusMillis(500));
        fake.failAlways(token, aResponse().withStatus(429).withHeader("Retry-After", "1"));

        assertThatThrownBy(() -> session.orders(null, 100)).isInstanceOf(UpstreamRateLimitedException.class);
        assertThat(fake.requestCount(token)).isEqualTo(1);
    }

    @Test
    void retriesA500WithBackoffAndRecovers() {
        String token = FakeEcoManager.newToken();
        EcoManagerSession session = client.open(storeWithOrders(token, 3));
        fake.failNext(token, 2, aResponse().withStatus(500).withBody("Internal Server Error"));

        OrdersPage page = session.orders(null, 100);

        assertThat(page.orders()).hasSize(3);
        assertThat(fake.requestCount(token)).isEqualTo(3);
        assertThat(session.requests()).isEqualTo(3);
    }

    @Test
    void aPersistentOutageFailsAfterTheCappedRetriesAndIsNeverAnEmptyPage() {
        String token = FakeEcoManager.newToken();
        EcoManagerSession session = client.open(storeWithOrders(token, 3));
        fake.failAlways(token, aResponse().withStatus(503));

        assertThatThrownBy(() -> session.orders(null, 100))
                .isInstanceOf(UpstreamUnavailableException.class)
                .hasMessageContaining("503");
        // scheduler.ecomanager.max-retries=3 in tests: the first attempt and three retries
        assertThat(fake.requestCount(token)).isEqualTo(4);
    }

    @Test
    void retriesATimeoutAndRecovers() {
        String token = FakeEcoManager.newToken();
        EcoManagerSession session = client.open(storeWithOrders(token, 3));
        // read timeout is 700 ms in tests
        fake.failNext(
                token, 1, aResponse().withStatus(200).withFixedDelay(1_500).withBody("{\"data\": []}"));

        OrdersPage page = session.orders(null, 100);

        assertThat(page.orders()).hasSize(3);
        assertThat(fake.requestCount(token)).isEqualTo(2);
    }

    @Test
    void reportsPersistentTimeoutsAsUnavailable() {
        String token = FakeEcoManager.newToken();
        EcoManagerSession session = client.open(storeWithOrders(token, 3));
        fake.failAlways(token, aResponse().withStatus(200).withFixedDelay(1_500).withBody("{\"data\": []}"));

        assertThatThrownBy(() -> session.orders(null, 100))
                .isInstanceOf(UpstreamUnavailableException.class)
                .hasMessageContaining("timed out");
        assertThat(session.requests()).isEqualTo(4);
    }

    @Test
    void retriesADroppedConnection() {
        String token = FakeEcoManager.newToken();
        EcoManagerSession session = client.open(storeWithOrders(token, 3));
        fake.failNext(token, 1, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(session.orders(null, 100).orders()).hasSize(3);
        assertThat(fake.requestCount(token)).isEqualTo(2);
    }

    @Test
    void malformedJsonIsAnErrorNotAnEmptyPageAndIsNotRetried() {
        String token = FakeEcoManager.newToken();
        EcoManagerSession session = client.open(storeWithOrders(token, 3));
        fake.failAlways(
                token,
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\": [{\"id\": 1,"));

        assertThatThrownBy(() -> session.orders(null, 100))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("not valid JSON");
        assertThat(fake.requestCount(token)).isEqualTo(1);
    }

    @Test
    void refusesAListThatIsNotNewestFirst() {
        String token = FakeEcoManager.newToken();
        EcoManagerSession session = client.open(storeWithOrders(token, 3));
        fake.failAlways(
                token,
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\": [{\"id\": 101}, {\"id\": 102}], \"meta\": {\"next_cursor\": null}}"));

        assertThatThrownBy(() -> session.orders(null, 100))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("newest first");
    }

    @Test
    void aWrongBaseUrlIsRejectedWithoutRetries() {
        String token = FakeEcoManager.newToken();
        EcoManagerSession session = client.open(storeWithOrders(token, 3));
        fake.failAlways(token, aResponse().withStatus(404).withBody("Not Found"));

        assertThatThrownBy(() -> session.orders(null, 100))
                .isInstanceOf(UpstreamRequestRejectedException.class)
                .hasMessageContaining("404");
        assertThat(fake.requestCount(token)).isEqualTo(1);
    }

    @Test
    void storesSharingATokenShareOneBudgetKeyThatDoesNotRevealTheToken() {
        String token = FakeEcoManager.newToken();

        String key = EcoManagerClient.budgetKey(token);

        assertThat(key).startsWith("ecomanager:").doesNotContain(token).isEqualTo(EcoManagerClient.budgetKey(token));
        assertThat(EcoManagerClient.budgetKey(FakeEcoManager.newToken())).isNotEqualTo(key);
    }

    @Test
    void connectionTestUsesOneCheapRequestAndSaysWhatHappened() {
        String good = FakeEcoManager.newToken();
        String bad = FakeEcoManager.newToken();
        Store accepted = storeWithOrders(good, 5);
        Store refused = storeWithOrders(bad, 5);
        fake.failAlways(bad, aResponse().withStatus(401));

        ConnectionCheck ok = tester.test(accepted);
        ConnectionCheck rejected = tester.test(refused);

        assertThat(ok.ok()).isTrue();
        assertThat(ok.httpStatus()).isEqualTo(200);
        assertThat(fake.requests(good)).singleElement().satisfies(r -> assertThat(
                        r.queryParameter("per_page").firstValue())
                .isEqualTo("1"));
        assertThat(rejected.ok()).isFalse();
        assertThat(rejected.httpStatus()).isEqualTo(401);
        assertThat(rejected.message()).contains("refused").doesNotContain(bad);
        assertThat(fake.requestCount(bad)).isEqualTo(1);
    }
}
