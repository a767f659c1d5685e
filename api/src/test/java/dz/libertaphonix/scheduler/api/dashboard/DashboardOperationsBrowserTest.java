package dz.libertaphonix.scheduler.api.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The operations view of the dashboard in headless Chromium, at 1280 px and 390 px, in French and
 * English: the summary equals what the database holds, no raw key is shown, the timeline puts a
 * failed run where it started, the phone layout has no horizontal scroll, a quarantined order's raw
 * payload opens, a run's detail links its orders to their lineage. Screenshots go to {@code target/}.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
@ExtendWith(ChromiumCondition.class)
class DashboardOperationsBrowserTest {

    /**
     * Issue 15 serves {@code GET /jobs/{job}/missed}: the test requires the endpoint and every missed
     * fire of the import (its hourly schedule seeded from two days ago, with no run) drawn on the
     * timeline at its time.
     */
    private static final boolean MISSED_FIRES_SERVED = true;

    // a camelCase token (a counter key such as storesFailed) or an enum constant (SUCCEEDED, NOT_IMPORTED)
    private static final Pattern RAW_KEY = Pattern.compile(
            "\\b[a-z]+[A-Z][A-Za-z]*\\b|\\b(SUCCEEDED|PARTIAL|FAILED|SKIPPED|RUNNING|ABANDONED|SCHEDULED|MANUAL|CATCH_UP"
                    + "|REJECTED|PENDING|ASSIGNED|DELIVERED|RETURNED|CANCELLED|MISSED)\\b|\\b[A-Z]+_[A-Z_]+\\b");

    private static HeadlessDashboard dashboard;
    private static WebDriver browser;

    @Inject
    DashboardFixtures fixtures;

    @Inject
    OperationsData data;

    @BeforeAll
    static void startBrowser() {
        dashboard = HeadlessDashboard.start();
        browser = dashboard.browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    @Test
    void theSummaryShowsTheDatabasesFiguresInFrenchAndEnglishWithNoRawKeyAndTheTimelineShowsTheFailedRun()
            throws IOException {
        Seed seed = seed();
        String account = data.rejectedCourierAccount("Maystro answered 401 Invalid token");
        // the import's hourly schedule from two days ago: its fires of the last 24 h with no run are missed
        data.scheduleHistory("ecomanager-sync", Instant.now().minus(Duration.ofDays(2)), "0 0 8-20 * * ?", true);
        try {
            missedFiresAndSummary(seed, account);
        } finally {
            data.removeScheduleHistory();
        }
    }

    private void missedFiresAndSummary(Seed seed, String account) throws IOException {
        wide();
        dashboard.signIn(AdminTokens.admin());

        await().ignoreExceptions().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            Instant now = Instant.now();
            assertThat(figure("imported-today"))
                    .isEqualTo(data.count(
                            "select count(*) from orders where imported_at >= ?", OperationsData.algiersMidnight(now)));
            assertThat(figure("imported-hour"))
                    .isEqualTo(
                            data.count("select count(*) from orders where imported_at >= now() - interval '1 hour'"));
            assertThat(figure("waiting"))
                    .isEqualTo(data.count(
                            "select count(*) from orders where assigned_agent_id is null and status = 'PENDING'"));
            for (String outcome : List.of("delivered", "returned", "cancelled")) {
                assertThat(figure(outcome))
                        .as(outcome)
                        .isEqualTo(data.count(
                                "select count(distinct order_id) from order_status_events where occurred_at >= ?"
                                        + " and source in ('SHIPPING_SYNC', 'WEBHOOK') and to_status = ?"
                                        + " and from_status is distinct from to_status",
                                OperationsData.algiersMidnight(now),
                                outcome.toUpperCase()));
            }
            assertThat(figure("failed"))
                    .isEqualTo(data.count("select count(*) from job_runs where status in ('FAILED', 'ABANDONED')"
                            + " and started_at >= now() - interval '24 hours'"));
        });
        assertThat(figure("delivered")).isPositive();
        assertThat(figure("failed")).isPositive();
        // the stores and accounts needing attention are counted and named, with why: the tile names the
        // first ones, the rows all of them
        assertThat(figure("stores"))
                .isPositive()
                .isEqualTo(browser.findElements(By.cssSelector("#stores tr.attention"))
                        .size());
        assertThat(dashboard.text(By.cssSelector("[data-testid='tile-stores']")))
                .contains("identifiants refusés");
        assertThat(dashboard.text(By.cssSelector("#stores tr[data-store='" + seed.rejectedStoreId + "']")))
                .contains(seed.rejectedStore)
                .contains("identifiants refusés · en échec au dernier import");
        assertThat(figure("accounts"))
                .isPositive()
                .isEqualTo(browser.findElements(By.cssSelector("#accounts tr.attention"))
                        .size());
        assertThat(dashboard.text(By.cssSelector("[data-testid='tile-accounts']")))
                .contains("identifiants refusés");
        assertThat(dashboard.text(By.id("accounts"))).contains(account).contains("Maystro answered 401 Invalid token");

        // the failed import run sits on the timeline where it started: 2 h before the end of a 24 h axis
        String failedMark = "#timeline a.mark[data-kind='failed'][data-run='" + seed.failedRun + "']";
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> !browser.findElements(By.cssSelector(failedMark)).isEmpty());
        double where = ((Number) script("""
                        const mark = document.querySelector(arguments[0]).querySelector('path, rect, circle').getBBox();
                        const svg = document.querySelector('#timeline svg');
                        return (mark.x + mark.width / 2 - 8) / (svg.width.baseVal.value - 16);
                        """, failedMark)).doubleValue();
        assertThat(where).isBetween(22.0 / 24 - 0.02, 22.0 / 24 + 0.02);
        assertThat(browser.findElement(By.cssSelector(failedMark + " title")).getAttribute("textContent"))
                .contains("Échouée")
                .contains("EcoManager answered 503");
        // a mark is reached from the keyboard and says what it is in words under the chart
        script("document.querySelector(arguments[0]).focus()", failedMark);
        assertThat(script("return document.activeElement.getAttribute('data-run')"))
                .isEqualTo(seed.failedRun.toString());
        assertThat(dashboard.text(By.id("timeline-detail"))).contains("Échouée").contains("Planifiée");
        assertMissedFires();

        assertNoRawKey("fr");
        screenshot("dashboard-fr-1280.png");
        language("en");
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(10))
                .until(() -> dashboard.text(By.id("summary-title")).equals("Is everything fine?"));
        assertThat(dashboard.text(By.cssSelector("[data-testid='tile-stores']")))
                .contains("credentials rejected");
        assertThat(dashboard.text(By.cssSelector("#stores tr[data-store='" + seed.rejectedStoreId + "']")))
                .contains("credentials rejected · failed in the last import");
        assertNoRawKey("en");
        screenshot("dashboard-en-1280.png");
        language("fr");
    }

    @Test
    void onAPhoneNothingScrollsSidewaysAndAQuarantinedOrdersPayloadOpens() throws IOException {
        Seed seed = seed();
        phone();
        try {
            dashboard.signIn(AdminTokens.admin());
            String row = "#stores tr[data-store='" + seed.quarantineStoreId + "']";
            await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(
                            By.cssSelector(row + " button[data-action='quarantine']"))
                    .isEmpty());
            await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(
                            By.cssSelector("#charts svg"))
                    .isEmpty());
            assertNoHorizontalScroll();
            screenshot("dashboard-fr-390.png");
            language("en");
            await().ignoreExceptions()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> dashboard.text(By.id("stores-title")).equals("EcoManager store health"));
            assertNoHorizontalScroll();
            assertNoRawKey("en");
            screenshot("dashboard-en-390.png");
            language("fr");

            dashboard.click(By.cssSelector(row + " button[data-action='quarantine']"));
            await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(
                            By.cssSelector("#quarantine details summary"))
                    .isEmpty());
            assertThat(dashboard.text(By.cssSelector("#quarantine"))).contains("n'est pas un numéro algérien");
            dashboard.click(By.cssSelector("#quarantine details summary"));
            await().ignoreExceptions().atMost(Duration.ofSeconds(5)).until(() -> browser.findElement(
                            By.cssSelector("#quarantine [data-testid='payload']"))
                    .isDisplayed());
            assertThat(dashboard.text(By.cssSelector("#quarantine [data-testid='payload']")))
                    .contains("\"telephone\": \"12\"")
                    .contains("NATU-" + seed.quarantinedId);
            assertNoHorizontalScroll();
            screenshot("dashboard-quarantine-390.png");
            dashboard.click(By.id("quarantine-close"));
        } finally {
            wide();
        }
    }

    @Test
    void aRunsDetailShowsItsStoresErrorsAndOrdersLinkedToTheirLineage() {
        Seed seed = seed();
        wide();
        dashboard.signIn(AdminTokens.teamManager());
        browser.navigate().to(browser.getCurrentUrl().replaceAll("#.*$", "") + "#run/" + seed.failedRun);

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> dashboard.text(By.id("run-detail")).contains(seed.rejectedStore));
        String detail = dashboard.text(By.id("run-detail"));
        assertThat(detail)
                .contains("Import des commandes EcoManager")
                .contains("Échouée")
                .contains("EcoManager answered 503")
                .contains("Requêtes envoyées");
        assertThat(dashboard.text(By.cssSelector("[data-testid='run-errors']"))).contains("EcoManager answered 503");
        assertThat(detail).contains(seed.orderReference);

        dashboard.click(By.xpath("//section[@id='run-detail']//a[text()='" + seed.orderReference + "']"));
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> dashboard.text(By.id("run-detail-title")).contains(seed.orderReference));
        assertThat(dashboard.text(By.id("run-detail")))
                .contains("Import")
                .contains("Attribution")
                .contains("En attente → Attribuée");
    }

    private record Seed(
            String rejectedStore,
            long rejectedStoreId,
            long quarantineStoreId,
            long quarantinedId,
            UUID failedRun,
            String orderReference) {}

    /** Orders of today, parcels delivered and returned, a failed import with a failing store, a quarantined order. */
    private Seed seed() {
        Instant now = Instant.now();
        String rejected = fixtures.store("https://shop.example.dz/api/shop/v2", "tok-" + UUID.randomUUID(), false);
        long rejectedId = data.storeId(rejected);
        data.rejectCredentials(rejectedId, "EcoManager answered 401 Unauthenticated");
        long store =
                data.storeId(fixtures.store("https://shop.example.dz/api/shop/v2", "tok-" + UUID.randomUUID(), false));
        UUID failed = data.importRun(
                "FAILED",
                now.minus(Duration.ofHours(2)),
                7,
                """
                {"stores": [{"storeId": %d, "store": "%s", "status": "FAILED", "fetched": 0, "imported": 0, "requests": 3,
                             "pages": 0, "durationMillis": 4100, "error": "EcoManager answered 503 Service Unavailable"},
                            {"storeId": %d, "store": "OTHER", "status": "SUCCEEDED", "fetched": 4, "imported": 4,
                             "requests": 1, "pages": 1, "durationMillis": 900, "error": null}],
                 "backlogAssigned": 0, "unassignedBacklog": 2, "deadlineReached": false}
                """.formatted(rejectedId, rejected, store),
                "EcoManager answered 503 Service Unavailable");
        long pending = data.order(store, "ASSIGNED", now.minus(Duration.ofMinutes(15)), null);
        data.event(pending, "IMPORT", null, "PENDING", now.minus(Duration.ofMinutes(15)), failed);
        data.event(pending, "ASSIGNMENT", "PENDING", "ASSIGNED", now.minus(Duration.ofMinutes(14)), failed);
        data.order(store, "PENDING", now.minus(Duration.ofMinutes(25)), null);
        long delivered = data.order(store, "DELIVERED", now.minus(Duration.ofMinutes(35)), null);
        data.event(delivered, "SHIPPING_SYNC", "SHIPPED", "DELIVERED", now.minusSeconds(90), null);
        long returned = data.order(store, "RETURNED", now.minus(Duration.ofMinutes(45)), null);
        data.event(returned, "WEBHOOK", "SHIPPED", "RETURNED", now.minusSeconds(80), null);
        long quarantined = 700_000 + (System.nanoTime() % 100_000);
        data.quarantined(
                store, "le téléphone '12' n'est pas un numéro algérien", """
                {"id": %d, "reference": "NATU-%d", "telephone": "12", "order_state_name": "En dispatch"}
                """.formatted(quarantined, quarantined));
        String reference = data.reference(pending);
        return new Seed(rejected, rejectedId, store, quarantined, failed, reference);
    }

    private void assertMissedFires() {
        Response answer =
                given().auth().oauth2(AdminTokens.admin()).get("/api/v1/scheduler/jobs/ecomanager-sync/missed");
        if (!MISSED_FIRES_SERVED) {
            // until issue 15 is merged the page tolerates the 404 and draws no missed fire
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(browser.findElements(By.cssSelector("#timeline [data-kind='missed']")))
                    .isEmpty();
            return;
        }
        assertThat(answer.statusCode()).isEqualTo(200);
        List<String> fires = JsonPath.from(answer.asString()).getList("data.missed.fireTime");
        assertThat(fires).isNotEmpty();
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> browser.findElements(
                                        By.cssSelector("#timeline [data-kind='missed'][data-job='ecomanager-sync']"))
                                .size()
                        >= fires.size());
        for (String fire : fires) {
            assertThat(browser.findElements(By.cssSelector(
                            "#timeline [data-kind='missed'][data-job='ecomanager-sync'][data-time='" + fire + "']")))
                    .as("missed fire %s on the timeline", fire)
                    .hasSize(1);
        }
        // where it is: the fire's place on the 24 h axis, drawn as a triangle that says it was missed
        String first = "#timeline [data-kind='missed'][data-job='ecomanager-sync'][data-time='" + fires.get(0) + "']";
        double where = ((Number) script("""
                        const mark = document.querySelector(arguments[0]).querySelector('path').getBBox();
                        const svg = document.querySelector('#timeline svg');
                        return (mark.x + mark.width / 2 - 8) / (svg.width.baseVal.value - 16);
                        """, first)).doubleValue();
        double expected = (Instant.parse(fires.get(0)).toEpochMilli() - (System.currentTimeMillis() - 86_400_000.0))
                / 86_400_000.0;
        assertThat(where).isBetween(expected - 0.02, expected + 0.02);
        assertThat(browser.findElement(By.cssSelector(first)).getAttribute("aria-label"))
                .contains("Exécution planifiée manquée");
        // the job card: the missed fires of the last 24 h (GET /status caches them up to a minute), the catch-up policy
        await().ignoreExceptions().atMost(Duration.ofSeconds(75)).until(() -> dashboard
                .text(By.cssSelector("[data-testid='missed-ecomanager-sync']"))
                .matches("(?s).*[1-9][0-9]* manquées?.*"));
        assertThat(dashboard.text(By.cssSelector("[data-testid='catchup-ecomanager-sync']")))
                .isEqualTo("une exécution manquée est rattrapée par la suivante");
    }

    private void assertNoRawKey(String language) {
        // the words a person reads, and those a screen reader says
        String words = String.valueOf(script("""
                const labels = [...document.querySelectorAll('#app [aria-label], #app [title], #app title')]
                    .map((n) => n.getAttribute('aria-label') || n.getAttribute('title') || n.textContent);
                return document.querySelector('header').innerText + '\\n' + document.querySelector('#app').innerText
                    + '\\n' + labels.join('\\n');
                """));
        Matcher raw = RAW_KEY.matcher(words
                // what the page quotes as data, not as labels: the role names in the sign-in help, the email
                .replace("TEAM_MANAGER", "")
                .replace("EcoManager", "")
                .replace("LibertaPhonix", ""));
        List<String> found = raw.results().map(m -> m.group()).distinct().toList();
        assertThat(found).as("raw keys in the %s page", language).isEmpty();
    }

    private void assertNoHorizontalScroll() {
        @SuppressWarnings("unchecked")
        Map<String, Number> sizes = (Map<String, Number>) script("""
                return {scroll: document.documentElement.scrollWidth, body: document.body.scrollWidth, inner: window.innerWidth};
                """);
        assertThat(sizes.get("inner").intValue()).isEqualTo(390);
        assertThat(sizes.get("scroll").intValue())
                .isLessThanOrEqualTo(sizes.get("inner").intValue());
        assertThat(sizes.get("body").intValue())
                .isLessThanOrEqualTo(sizes.get("inner").intValue());
    }

    private long figure(String id) {
        String text = dashboard.text(By.cssSelector("[data-testid='summary-" + id + "']"));
        return Long.parseLong(text.replaceAll("[^0-9]", ""));
    }

    private static void language(String language) {
        script(
                "const s = document.getElementById('lang'); s.value = arguments[0];"
                        + " s.dispatchEvent(new Event('change', {bubbles: true}));",
                language);
    }

    private static Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private static void wide() {
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    // the window's outer size: the viewport (innerWidth) comes out at 390 px in headless Chromium
    private static void phone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        Number inner = (Number) script("return window.innerWidth");
        if (inner.intValue() != 390) {
            browser.manage().window().setSize(new Dimension(390 + (390 - inner.intValue()), 844));
        }
    }

    // the whole page, beyond the window: Chromium's DevTools capture
    @SuppressWarnings("unchecked")
    private static void screenshot(String name) throws IOException {
        ChromeDriver chrome = (ChromeDriver) browser;
        Map<String, Object> size = (Map<String, Object>)
                chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(8000, ((Number) size.get("height")).doubleValue());
        Map<String, Object> shot = chrome.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path file = Path.of("target", name);
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }
}
