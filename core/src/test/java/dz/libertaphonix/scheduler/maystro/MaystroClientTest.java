package dz.libertaphonix.scheduler.maystro;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dz.libertaphonix.scheduler.common.ratelimit.RateWindow;
import dz.libertaphonix.scheduler.common.ratelimit.RedisRateLimiter;
import dz.libertaphonix.scheduler.maystro.config.MaystroConfig;
import dz.libertaphonix.scheduler.testsupport.MaystroFake;
import dz.libertaphonix.scheduler.testsupport.MaystroParcels;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(MaystroFake.Resource.class)
class MaystroClientTest {

    private static final String PAGE_WITH_ODD_FIELDS = """
            {"list": {"count": "41", "next": "https://backend.maystro-delivery.com/api/stores/orders/?page=2",
              "previous": null,
              "results": [
                {"id": 4831207, "instance_uuid": "0b7c2c1e-5a7e-4e43-9d1f-2f0f3c5c9a11", "display_id": 4831207,
                 "tracking_number": null, "external_order_id": "NATU-20512", "status": "32",
                 "customer_name": "Yacine Boukhari", "customer_phone": "+213 661 23 45 67",
                 "created_at": "2025-07-24 18:38:27", "ordered_at": "2025-07-24T17:02:11.482913+01:00",
                 "delivered_at": null, "alerted_at": "2025-07-26T10:15:00Z", "alert_reason": "Client injoignable",
                 "abort_reason": {"id": 3, "label": "Annulé par le client"}, "unexpected_field": [1, 2]},
                {"id": "4831190", "external_order_id": 20511, "status": 41, "tracking_number": "  MYS4831190 ",
                 "delivered_at": "2025-07-25T09:30:00+01:00", "abort_reason": 7},
                "not a parcel at all"
              ]}}
            """;

    @Inject
    MaystroClient client;

    @Inject
    RedisRateLimiter limiter;

    @Inject
    MaystroConfig config;

    @Inject
    Clock clock;

    @Test
    void readsAPageUnderListToleratingStringAndNumberIdsNullsAndNonTextReasons() {
        MaystroFake.Account maystro = MaystroFake.account("tolerant").page(1, okJson(PAGE_WITH_ODD_FIELDS));

        MaystroPage page = client.session(maystro.account()).page(1).orElseThrow();

        assertThat(page.count()).isEqualTo(41L);
        assertThat(page.last()).isFalse();
        assertThat(page.unreadable()).isEqualTo(1);
        assertThat(page.parcels()).hasSize(2);
        MaystroParcel alerted = page.parcels().get(0);
        assertThat(alerted.id()).isEqualTo("4831207");
        assertThat(alerted.externalOrderId()).isEqualTo("NATU-20512");
        assertThat(alerted.statusCode()).isEqualTo(32);
        assertThat(alerted.statusLabel()).isEqualTo("ALERTÉ");
        // no tracking_number: the display id stands in, but only to fill an empty one
        assertThat(alerted.trackingNumber()).isEqualTo("4831207");
        assertThat(alerted.trackingFromDisplayId()).isTrue();
        // a local time is Algeria's (UTC+1)
        assertThat(alerted.createdAt()).isEqualTo(Instant.parse("2025-07-24T17:38:27Z"));
        assertThat(alerted.orderedAt()).isEqualTo(Instant.parse("2025-07-24T16:02:11.482913Z"));
        assertThat(alerted.alertedAt()).isEqualTo(Instant.parse("2025-07-26T10:15:00Z"));
        assertThat(alerted.abortReason()).contains("Annulé par le client");
        MaystroParcel delivered = page.parcels().get(1);
        assertThat(delivered.id()).isEqualTo("4831190");
        assertThat(delivered.externalOrderId()).isEqualTo("20511");
        assertThat(delivered.trackingNumber()).isEqualTo("MYS4831190");
        assertThat(delivered.trackingFromDisplayId()).isFalse();
        assertThat(delivered.deliveredAt()).isEqualTo(Instant.parse("2025-07-25T08:30:00Z"));
        assertThat(delivered.abortReason()).isEqualTo("7");
    }

    @Test
    void sendsTheKeyAsATokenHeader() {
        MaystroFake.Account maystro =
                MaystroFake.account("token").page(1, okJson(MaystroParcels.page(1, 0, List.of(), true)));

        client.session(maystro.account()).page(1);

        // the fake only answers requests carrying "Authorization: Token <key>"
        assertThat(maystro.pageRequests(1)).isEqualTo(1);
    }

    @Test
    void aPagePastTheEndEndsTheListInsteadOfFailing() {
        MaystroFake.Account maystro = MaystroFake.account("past-end");

        assertThat(client.session(maystro.account()).page(7)).isEmpty();
    }

    @Test
    void findsTheParcelsOfOneReference() {
        Map<String, Object> parcel = MaystroParcels.parcel("LOOK-1", 31, Instant.parse("2025-07-24T10:00:00Z"));
        MaystroFake.Account maystro = MaystroFake.account("lookup").lookup("LOOK-1", List.of(parcel));

        MaystroSession session = client.session(maystro.account());

        assertThat(session.findByExternalOrderId("LOOK-1")).singleElement().satisfies(p -> assertThat(p.statusCode())
                .isEqualTo(31));
        assertThat(session.findByExternalOrderId("LOOK-UNKNOWN")).isEmpty();
        assertThat(session.requests()).isEqualTo(2);
    }

    @Test
    void waitsWhatRetryAfterSaysOnA429ThenSucceeds() {
        MaystroFake.Account maystro = MaystroFake.account("slow-down")
                .pageThen(
                        1,
                        aResponse().withStatus(429).withHeader("Retry-After", "1"),
                        okJson(MaystroParcels.page(1, 0, List.of(), true)));
        MaystroSession session = client.session(maystro.account());

        long started = System.nanoTime();
        assertThat(session.page(1)).isPresent();
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(maystro.pageRequests(1)).isEqualTo(2);
        assertThat(session.requests()).isEqualTo(2);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void givesUpAfterTheCappedNumberOf429Retries() {
        MaystroFake.Account maystro = MaystroFake.account("always-429")
                .always(aResponse().withStatus(429).withHeader("Retry-After", "0"));

        assertThatThrownBy(() -> client.session(maystro.account()).page(1))
                .isInstanceOf(MaystroRateLimitedException.class);
        // one attempt plus the 3 retries of scheduler.maystro.retry.rate-limited-max-retries
        assertThat(maystro.pageRequests(1)).isEqualTo(4);
    }

    @Test
    void retriesServerErrorsWithBackoffThenSucceeds() {
        MaystroFake.Account maystro = MaystroFake.account("flaky")
                .pageThen(1, aResponse().withStatus(503), okJson(MaystroParcels.page(1, 0, List.of(), true)));

        assertThat(client.session(maystro.account()).page(1)).isPresent();
        assertThat(maystro.pageRequests(1)).isEqualTo(2);
    }

    @Test
    void aPageThatKeepsFailingIsAnErrorNeverAnEmptyPage() {
        MaystroFake.Account maystro =
                MaystroFake.account("down").always(aResponse().withStatus(502));

        assertThatThrownBy(() -> client.session(maystro.account()).page(1))
                .isInstanceOf(MaystroUnavailableException.class)
                .hasMessageContaining("HTTP 502")
                .hasMessageNotContaining(maystro.key());
        // one attempt plus the 3 retries of scheduler.maystro.retry.max-retries
        assertThat(maystro.pageRequests(1)).isEqualTo(4);
    }

    @Test
    void aTimeoutIsRetriedLikeAServerError() {
        MaystroFake.Account maystro = MaystroFake.account("timeout")
                .pageThen(
                        1,
                        okJson(MaystroParcels.page(1, 0, List.of(), true)).withFixedDelay(1500),
                        okJson(MaystroParcels.page(1, 0, List.of(), true)));

        assertThat(client.session(maystro.account()).page(1)).isPresent();
        assertThat(maystro.pageRequests(1)).isEqualTo(2);
    }

    @Test
    void rejectedCredentialsAreNeverRetried() {
        MaystroFake.Account maystro = MaystroFake.account("revoked")
                .always(aResponse().withStatus(401).withBody("{\"detail\":\"Invalid token.\"}"));

        assertThatThrownBy(() -> client.session(maystro.account()).page(1))
                .isInstanceOf(CourierCredentialsRejectedException.class)
                .hasMessageContaining("revoked")
                .hasMessageNotContaining(maystro.key());
        assertThat(maystro.pageRequests()).isEqualTo(1);
    }

    @Test
    void aBodyThatIsNotTheDocumentedJsonIsAFailedPage() {
        MaystroFake.Account maystro = MaystroFake.account("garbled")
                .page(1, aResponse().withStatus(200).withBody("<html>maintenance</html>"))
                .page(2, okJson("{\"detail\": \"ok\"}"));
        MaystroSession session = client.session(maystro.account());

        assertThatThrownBy(() -> session.page(1)).isInstanceOf(MaystroRequestException.class);
        assertThatThrownBy(() -> session.page(2))
                .isInstanceOf(MaystroRequestException.class)
                .hasMessageContaining("list.results");
    }

    @Test
    void everyRequestDrawsFromTheKeysSharedBudget() {
        MaystroFake.Account maystro =
                MaystroFake.account("budget").page(1, okJson(MaystroParcels.page(1, 0, List.of(), true)));
        MaystroSession session = client.session(maystro.account());

        for (int i = 0; i < 3; i++) {
            session.page(1);
        }

        // the hour window of the key's budget holds the three requests: a limit of 3 is now full
        String budget = maystro.account().budgetId();
        assertThat(limiter.tryAcquire(budget, List.of(new RateWindow(Duration.ofHours(1), 3))))
                .isPositive();
        assertThat(limiter.tryAcquire(budget, List.of(new RateWindow(Duration.ofHours(1), 4))))
                .isZero();
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDateCappedAndDefaulted() {
        MaystroRetries retries = new MaystroRetries(config.retry(), clock);
        assertThat(retries.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(retries.retryAfter(null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(retries.retryAfter("soon")).isEqualTo(Duration.ofSeconds(30));
        assertThat(retries.retryAfter("86400")).isEqualTo(Duration.ofSeconds(120));
        String inAMinute =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(62));
        assertThat(retries.retryAfter(inAMinute)).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(62));
    }
}
