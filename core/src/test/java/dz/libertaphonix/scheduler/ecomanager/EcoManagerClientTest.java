package dz.libertaphonix.scheduler.ecomanager;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerConnectionTester.ConnectionCheck;
import dz.libertaphonix.scheduler.testsupport.CoreFixtures;
import dz.libertaphonix.scheduler.testsupport.EcoManagerPayloads;
import dz.libertaphonix.scheduler.testsupport.FakeEcoManager;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The client against a fake EcoManager: every error class behaves as specified. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class EcoManagerClientTest {

    static FakeEcoManager fake;

    @Inject
    EcoManagerClient client;

    @Inject
    EcoManagerConnectionTester tester;

    @BeforeAll
    static void startFake() {
        fake = FakeEcoManager.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    /** A shop of the fake with {@code count} orders, and the credentials of a store that reads it. */
    private static EcoManagerCredentials shopWithOrders(String token, int count) {
        fake.shop(token).orders(20_001, 20_000 + count, EcoManagerPayloads.IN_DISPATCH);
        return new EcoManagerCredentials(CoreFixtures.storeCode(), fake.baseUrl(), token);
    }

    @Test
    void walksCursorPagesNewestFirstWithTheBearerToken() {
        String token = FakeEcoManager.newToken();
        EcoManagerSession session = client.open(shopWithOrders(token, 150));

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

    static Stream<Arguments> failuresThatAreNeverRetried() {
        return Stream.of(
                failure(
                        "401: the token is refused",
                        aResponse().withStatus(401).withBody("{\"message\":\"Unauthenticated.\"}"),
                        StoreCredentialsRejectedException.class,
                        "401"),
                failure(
                        "403: the token is expired",
                        aResponse().withStatus(403).withBody("{\"message\":\"Token expired\"}"),
                        StoreCredentialsRejectedException.class,
                        "403"),
                failure(
                        "404: a wrong base URL",
                        aResponse().withStatus(404).withBody("Not Found"),
                        UpstreamRequestRejectedException.class,
                        "404"),
                failure(
                        "429 asking for more than the cap",
                        aResponse().withStatus(429).withHeader("Retry-After", "3600"),
                        UpstreamRateLimitedException.class,
                        "3600"),
                failure(
                        "malformed JSON: an error, never an empty page",
                        json("{\"data\": [{\"id\": 1,"),
                        MalformedResponseException.class,
                        "not valid JSON"),
                failure(
                        "a list that is not newest first",
                        json("{\"data\": [{\"id\": 101}, {\"id\": 102}], \"meta\": {\"next_cursor\": null}}"),
                        MalformedResponseException.class,
                        "newest first"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failuresThatAreNeverRetried")
    void failsAtOnceWithoutRetryAndNeverShowsTheToken(
            ResponseDefinitionBuilder answer, Class<? extends Exception> failure, String message) {
        String token = FakeEcoManager.newToken();
        EcoManagerSession session = client.open(shopWithOrders(token, 3));
        fake.failAlways(token, answer);

        assertThatThrownBy(() -> session.orders(null, 100))
                .isInstanceOf(failure)
                .hasMessageContaining(message)
                .hasMessageNotContaining(token);
        assertThat(fake.requestCount(token)).isEqualTo(1);
    }

    static Stream<Arguments> rateLimitAnswers() {
        return Stream.of(
                Arguments.of(
                        Named.of("Retry-After: 1", aResponse().withStatus(429).withHeader("Retry-After", "1"))),
                // scheduler.ecomanager.default-retry-after is 1 s in tests (60 s in production)
                Arguments.of(Named.of(
                        "no Retry-After: the default delay", aResponse().withStatus(429))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rateLimitAnswers")
    void waitsOutA429ThenSucceeds(ResponseDefinitionBuilder answer) {
        String token = FakeEcoManager.newToken();
        EcoManagerSession session = client.open(shopWithOrders(token, 3));
        fake.failNext(token, 1, answer);

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
    void neverWaitsForARetryPastTheDeadline() {
        String token = FakeEcoManager.newToken();
        EcoManagerSession session =
                client.open(shopWithOrders(token, 3), Instant.now().plusMillis(500));
        fake.failAlways(token, aResponse().withStatus(429).withHeader("Retry-After", "1"));

        assertThatThrownBy(() -> session.orders(null, 100)).isInstanceOf(UpstreamRateLimitedException.class);
        assertThat(fake.requestCount(token)).isEqualTo(1);
    }

    static Stream<Arguments> transientFailures() {
        return Stream.of(
                Arguments.of(Named.of("two 500s", aResponse().withStatus(500).withBody("Internal Server Error")), 2),
                // read timeout is 700 ms in tests
                Arguments.of(Named.of("a timeout", slowPage()), 1),
                Arguments.of(
                        Named.of("a dropped connection", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transientFailures")
    void retriesATransientFailureWithBackoffAndRecovers(ResponseDefinitionBuilder answer, int times) {
        String token = FakeEcoManager.newToken();
        EcoManagerSession session = client.open(shopWithOrders(token, 3));
        fake.failNext(token, times, answer);

        OrdersPage page = session.orders(null, 100);

        assertThat(page.orders()).hasSize(3);
        assertThat(fake.requestCount(token)).isEqualTo(times + 1);
        assertThat(session.requests()).isEqualTo(times + 1);
    }

    static Stream<Arguments> persistentOutages() {
        return Stream.of(
                Arguments.of(Named.of("503 on every attempt", aResponse().withStatus(503)), "503"),
                Arguments.of(Named.of("a timeout on every attempt", slowPage()), "timed out"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("persistentOutages")
    void aPersistentOutageFailsAfterTheCappedRetriesAndIsNeverAnEmptyPage(
            ResponseDefinitionBuilder answer, String message) {
        String token = FakeEcoManager.newToken();
        EcoManagerSession session = client.open(shopWithOrders(token, 3));
        fake.failAlways(token, answer);

        assertThatThrownBy(() -> session.orders(null, 100))
                .isInstanceOf(UpstreamUnavailableException.class)
                .hasMessageContaining(message);
        // scheduler.ecomanager.max-retries=3 in tests: the first attempt and three retries
        assertThat(fake.requestCount(token)).isEqualTo(4);
        assertThat(session.requests()).isEqualTo(4);
    }

    @Test
    void storesSharingATokenShareOneBudgetKeyThatDoesNotRevealTheToken() {
        String token = FakeEcoManager.newToken();

        String key = EcoManagerClient.budgetKey(token);

        assertThat(key).startsWith("ecomanager:").doesNotContain(token).isEqualTo(EcoManagerClient.budgetKey(token));
        assertThat(EcoManagerClient.budgetKey(FakeEcoManager.newToken())).isNotEqualTo(key);
    }

    @Test
    void credentialsNeverShowTheirToken() {
        String token = FakeEcoManager.newToken();

        assertThat(new EcoManagerCredentials("NATU", fake.baseUrl(), token).toString())
                .contains("NATU")
                .doesNotContain(token);
    }

    @Test
    void connectionTestUsesOneCheapRequestAndSaysWhatHappened() {
        String good = FakeEcoManager.newToken();
        String bad = FakeEcoManager.newToken();
        EcoManagerCredentials accepted = shopWithOrders(good, 5);
        EcoManagerCredentials refused = shopWithOrders(bad, 5);
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

    private static Arguments failure(
            String name, ResponseDefinitionBuilder answer, Class<? extends Exception> failure, String message) {
        return Arguments.of(Named.of(name, answer), failure, message);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static ResponseDefinitionBuilder slowPage() {
        return aResponse().withStatus(200).withFixedDelay(1_500).withBody("{\"data\": []}");
    }
}
