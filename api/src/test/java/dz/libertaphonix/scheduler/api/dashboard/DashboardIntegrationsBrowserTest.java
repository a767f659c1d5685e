package dz.libertaphonix.scheduler.api.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerWebhookEvent;
import dz.libertaphonix.scheduler.notifications.ReceiverUrls;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard's ADMIN actions of issues 13 and 15 in headless Chromium: a store's EcoManager
 * webhooks registered, listed, rotated and deleted against a WireMock EcoManager that records what it
 * received (and a refused token put in words); a notification subscription created, its signing secret
 * shown once, a signed test delivered to a WireMock receiver, disabled and deleted; a dry run started
 * from its job card, its page showing what it would have done, marked as such in the history and timeline.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
@ExtendWith(ChromiumCondition.class)
class DashboardIntegrationsBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static HeadlessDashboard dashboard;
    private static WebDriver browser;
    private static WireMockServer ecoManager;
    private static WireMockServer receiver;

    @Inject
    DashboardFixtures fixtures;

    @Inject
    OperationsData data;

    @BeforeAll
    static void start() {
        dashboard = HeadlessDashboard.start();
        browser = dashboard.browser();
        ecoManager = new WireMockServer(options().dynamicPort());
        ecoManager.start();
        receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
        if (ecoManager != null) {
            ecoManager.stop();
        }
        if (receiver != null) {
            receiver.stop();
        }
    }

    @Test
    void aStoresWebhooksAreRegisteredListedRotatedAndDeletedFromItsRowAndARefusedTokenIsSaidInWords() {
        String account = "/natura-" + UUID.randomUUID() + "/api/shop/v2";
        String token = "ecm_live_" + UUID.randomUUID().toString().replace("-", "");
        String store = fixtures.store(ecoManager.baseUrl() + account, token, false);
        long storeId = data.storeId(store);
        int id = 800;
        for (EcoManagerWebhookEvent event : EcoManagerWebhookEvent.values()) {
            ecoManager.stubFor(post(urlPathEqualTo(account + "/webhooks"))
                    .withHeader("Authorization", equalTo("Bearer " + token))
                    .withRequestBody(matchingJsonPath("$.event", equalTo(event.name())))
                    .willReturn(aResponse()
                            .withStatus(201)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"data\": {\"id\": " + (++id) + ", \"event\": \"" + event.name()
                                    + "\", \"is_active\": true}}")));
        }
        ecoManager.stubFor(get(urlPathEqualTo(account + "/webhooks"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"data": [
                                  {"id": 801, "name": "LibertaPhonix", "event": "OrderCreated",
                                   "delivery_url": "https://scheduler.libertaphonix.test/webhooks/ecomanager/%s", "is_active": true},
                                  {"id": 77, "name": "Their CRM", "event": "OrderDeleted",
                                   "delivery_url": "https://crm.example/hook", "is_active": false}]}
                                """.formatted(store))));
        ecoManager.stubFor(put(urlPathMatching(account + "/webhooks/[0-9]+"))
                .willReturn(aResponse().withStatus(200).withBody("{\"data\": {}}")));
        ecoManager.stubFor(delete(urlPathMatching(account + "/webhooks/[0-9]+"))
                .willReturn(aResponse().withStatus(204)));
        // a second store whose token EcoManager refuses
        String refusedAccount = "/moda-" + UUID.randomUUID() + "/api/shop/v2";
        long refusedId = data.storeId(fixtures.store(ecoManager.baseUrl() + refusedAccount, "ecm_old_token", false));
        ecoManager.stubFor(post(urlPathEqualTo(refusedAccount + "/webhooks"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"message\": \"Unauthenticated.\"}")));

        dashboard.signIn(AdminTokens.admin());
        String row = "#stores tr[data-store='" + storeId + "']";
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> dashboard
                .text(By.cssSelector(row + " [data-webhooks]"))
                .contains("aucun webhook enregistré"));

        dashboard.click(By.cssSelector(row + " button[data-action='webhooks-register']"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> dashboard
                .text(By.cssSelector("[data-webhook-result='" + storeId + "']"))
                .equals("5 webhooks enregistrés chez EcoManager"));
        // the figures of GET /stores, redrawn: five registered, nothing received yet
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> dashboard
                .text(By.cssSelector(row + " [data-webhooks]"))
                .contains("5 webhooks enregistrés · 0 reçu en 24 h · 0 refusé en 24 h · dernier reçu : —"));
        List<LoggedRequest> posts = ecoManager.findAll(postRequestedFor(urlPathEqualTo(account + "/webhooks")));
        assertThat(posts).hasSize(5).allSatisfy(request -> {
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + token);
            JsonNode body = JSON.readTree(request.getBodyAsString());
            assertThat(body.path("delivery_url").asText())
                    .isEqualTo("https://scheduler.libertaphonix.test/webhooks/ecomanager/" + store);
            assertThat(body.path("is_active").asBoolean()).isTrue();
        });
        assertThat(posts.stream()
                        .map(r -> JsonPath.from(r.getBodyAsString()).getString("event"))
                        .toList())
                .containsExactlyInAnyOrder(
                        "OrderCreated",
                        "OrderStatusChanged",
                        "OrderConfirmationStatusChanged",
                        "OrderShippingStatusChanged",
                        "OrderDeleted");

        // EcoManager's own list, in a dialog: ours and theirs, events in words
        dashboard.click(By.cssSelector(row + " button[data-action='webhooks-view']"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> !dashboard
                .text(By.cssSelector("#webhooks [data-testid='webhooks-ecomanager']"))
                .isEmpty());
        String dialog = dashboard.text(By.id("webhooks"));
        assertThat(dialog)
                .contains("https://scheduler.libertaphonix.test/webhooks/ecomanager/" + store)
                .contains("Their CRM")
                .contains("Commande supprimée")
                .contains("Confirmation changée");
        assertThat(dashboard.text(By.cssSelector("#webhooks [data-testid='webhooks-ours']")))
                .contains("801")
                .contains("805");
        assertThat(ecoManager.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo(account + "/webhooks"))))
                .hasSize(1);
        screenshot("dashboard-webhooks-1280.png");
        dashboard.click(By.id("webhooks-close"));

        // rotate the secret, after a confirmation: one PUT per webhook
        dashboard.click(By.cssSelector(row + " button[data-action='webhooks-rotate']"));
        accept();
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> dashboard
                .text(By.cssSelector("[data-webhook-result='" + storeId + "']"))
                .equals("5 webhooks ont reçu un nouveau secret"));
        assertThat(ecoManager.findAll(putRequestedFor(urlPathMatching(account + "/webhooks/[0-9]+"))))
                .hasSize(5)
                .allSatisfy(request ->
                        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + token));

        // delete them all, after a confirmation
        dashboard.click(By.cssSelector(row + " button[data-action='webhooks-delete']"));
        accept();
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> dashboard
                .text(By.cssSelector("[data-webhook-result='" + storeId + "']"))
                .equals("5 webhooks supprimés"));
        assertThat(ecoManager.findAll(deleteRequestedFor(urlPathMatching(account + "/webhooks/[0-9]+"))))
                .hasSize(5);
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> dashboard
                .text(By.cssSelector(row + " [data-webhooks]"))
                .contains("aucun webhook enregistré"));
        assertThat(browser.findElements(By.cssSelector(row + " button[data-action='webhooks-delete']")))
                .isEmpty();

        // EcoManager refuses the other store's token: a 502 said in words
        dashboard.click(
                By.cssSelector("#stores tr[data-store='" + refusedId + "'] button[data-action='webhooks-register']"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> dashboard
                .text(By.cssSelector("[data-webhook-result='" + refusedId + "']"))
                .startsWith("EcoManager a refusé le jeton de la boutique"));
        assertThat(dashboard.text(By.cssSelector("[data-webhook-result='" + refusedId + "']")))
                .contains("(code HTTP 502)");
    }

    @Test
    void aSubscriptionIsCreatedItsSecretShownOnceASignedTestArrivesThenItIsDisabledAndDeleted() throws Exception {
        String path = "/hooks/ops-" + UUID.randomUUID();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(ok()));
        String url = receiver.baseUrl() + path;
        // the API and the page show a receiver's URL masked (a chat webhook's URL is its credential)
        String shown = ReceiverUrls.masked(url);
        String secret = "ops-team-signing-" + UUID.randomUUID();

        dashboard.signIn(AdminTokens.admin());
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(
                        By.cssSelector("#sub-jobs input[value='ecomanager-reconcile']"))
                .isEmpty());
        dashboard.click(By.cssSelector("#notifications-section details.new-subscription summary"));
        browser.findElement(By.id("sub-url")).sendKeys(url);
        dashboard.click(By.cssSelector("#sub-events input[value='SyncFailed']"));
        dashboard.click(By.cssSelector("#sub-events input[value='RunMissed']"));
        dashboard.click(By.cssSelector("#sub-jobs input[value='ecomanager-sync']"));
        new Select(browser.findElement(By.id("sub-format"))).selectByValue("chat");
        new Select(browser.findElement(By.id("sub-language"))).selectByValue("en");
        browser.findElement(By.id("sub-secret")).sendKeys(secret);
        dashboard.click(By.cssSelector("#subscription-form button[type='submit']"));

        // the secret, shown this once with a word saying so
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> dashboard
                .text(By.cssSelector("[data-testid='signing-secret']"))
                .equals(secret));
        assertThat(dashboard.text(By.id("subscription-secret"))).contains("il ne sera plus jamais affiché");
        long id = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get("/api/v1/scheduler/notifications/subscriptions")
                .jsonPath()
                .getLong("data.find { it.url == '" + shown + "' }.id");
        String row = "#subscriptions tr[data-subscription='" + id + "']";
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> dashboard.text(By.cssSelector(row)).contains(shown));
        assertThat(dashboard.text(By.cssSelector(row)))
                .contains("Exécution échouée, Exécution planifiée manquée")
                .contains("Import des commandes EcoManager")
                .contains("Message de discussion")
                .contains("anglais")
                .contains("pas encore de livraison");

        // send a test: the receiver gets it, signed with the secret; the row says so
        dashboard.click(By.cssSelector(row + " button[data-action='sub-test']"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> dashboard
                .text(By.cssSelector("[data-sub-result='" + id + "']"))
                .startsWith("Reçu · HTTP 200"));
        // (a real SyncFailed or RunMissed of the import may arrive too: the subscription takes them)
        List<LoggedRequest> deliveries =
                receiver.findAll(postRequestedFor(urlEqualTo(path)).withHeader("X-Scheduler-Event", equalTo("Test")));
        assertThat(deliveries).hasSize(1);
        LoggedRequest delivery = deliveries.get(0);
        assertThat(delivery.getHeader("X-Scheduler-Event")).isEqualTo("Test");
        assertThat(delivery.getHeader("X-Scheduler-Signature")).isEqualTo("sha256=" + hmac(secret, delivery.getBody()));
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> dashboard
                .text(By.cssSelector(row + " td[data-label='Dernière livraison']"))
                .matches("(?s)Reçu\\s+Test · .*HTTP 200.*"));
        assertThat(dashboard.text(By.cssSelector(row))).contains("0 en échec sur ");

        // once dismissed, the secret is nowhere on the page
        dashboard.click(By.id("secret-done"));
        assertThat(String.valueOf(
                        ((JavascriptExecutor) browser).executeScript("return document.documentElement.outerHTML")))
                .doesNotContain(secret);

        script("document.getElementById('notifications-section').scrollIntoView()");
        screenshot("dashboard-notifications-1280.png");

        // disable it
        dashboard.click(By.cssSelector(row + " input[data-action='sub-toggle']"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                        .get("/api/v1/scheduler/notifications/subscriptions")
                        .jsonPath()
                        .getBoolean("data.find { it.id == " + id + " }.enabled"));

        // delete it, after a confirmation
        dashboard.click(By.cssSelector(row + " button[data-action='sub-delete']"));
        accept();
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> browser.findElements(By.cssSelector(row))
                .isEmpty());
        assertThat(given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                        .get("/api/v1/scheduler/notifications/subscriptions")
                        .jsonPath()
                        .getList("data.id", Long.class))
                .doesNotContain(id);
    }

    @Test
    void aDryRunFromItsJobCardShowsWhatItWouldHaveDoneAndIsMarkedAsSuchInTheHistoryAndTimeline() {
        dashboard.signIn(AdminTokens.admin());
        dashboard.click(By.cssSelector("[data-job='daily-cleanup'] button[data-action='dry-run']"));

        // the page follows the run: its own page, once it has ended, says what it would have done
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).until(() -> !dashboard
                .text(By.cssSelector("[data-testid='dry-run-report']"))
                .isEmpty());
        String runId = browser.getCurrentUrl().replaceAll("^.*#run/", "");
        assertThat(UUID.fromString(runId)).isNotNull();
        JsonPath run = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get("/api/v1/scheduler/runs/" + runId)
                .jsonPath();
        assertThat(run.getString("data.trigger")).isEqualTo("DRY_RUN");
        long tables = run.getLong("data.results.wouldDo.'tables.maintain'.count");
        assertThat(tables).isPositive();
        String detail = dashboard.text(By.id("run-detail"));
        assertThat(detail)
                .contains("Nettoyage quotidien")
                .contains("Essai à blanc")
                .contains("Ce que l’exécution aurait fait (rien n’a été écrit)");
        assertThat(dashboard.text(By.cssSelector("[data-testid='run-trigger']")))
                .isEqualTo("Essai à blanc");
        assertThat(dashboard.text(By.cssSelector("[data-testid='dry-run-report'] li[data-kind='tables.maintain']")))
                .startsWith(tables + " table")
                .contains(tables == 1 ? "serait entretenue" : "seraient entretenues");
        dashboard.click(By.cssSelector("[data-testid='dry-run-report'] li[data-kind='tables.maintain'] summary"));
        assertThat(dashboard.text(By.cssSelector("[data-testid='dry-run-report'] li[data-kind='tables.maintain']")))
                .contains("orders");
        screenshot("dashboard-dry-run-1280.png");

        // the history, filtered on dry runs, has it and nothing else
        new Select(browser.findElement(By.cssSelector("#history-filters select[name='trigger']")))
                .selectByValue("DRY_RUN");
        dashboard.click(By.cssSelector("#history-filters button[type='submit']"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(
                        By.cssSelector("#history tr[data-run='" + runId + "']"))
                .isEmpty());
        assertThat(browser.findElements(By.cssSelector("#history tbody tr")))
                .allSatisfy(tr -> assertThat(tr.getAttribute("data-trigger")).isEqualTo("DRY_RUN"));
        assertThat(dashboard.text(By.cssSelector("#history tr[data-run='" + runId + "']")))
                .contains("Essai à blanc");
        // and the timeline draws it apart, its words saying it was a dry run
        String mark = "#timeline a.mark.dry[data-run='" + runId + "']";
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !browser.findElements(By.cssSelector(mark)).isEmpty());
        assertThat(browser.findElement(By.cssSelector(mark)).getAttribute("aria-label"))
                .startsWith("Essai à blanc · Nettoyage quotidien");
        new Select(browser.findElement(By.cssSelector("#history-filters select[name='trigger']"))).selectByValue("");
    }

    private static Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    // what the window shows, for a person to look at (target/)
    private static void screenshot(String name) {
        try {
            Path file = Path.of("target", name);
            Files.createDirectories(file.getParent());
            Files.copy(
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    file,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // the page asks "are you sure?" with the browser's own confirm dialog
    private static void accept() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try {
                browser.switchTo().alert().accept();
                return true;
            } catch (NoAlertPresentException e) {
                return false;
            }
        });
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
