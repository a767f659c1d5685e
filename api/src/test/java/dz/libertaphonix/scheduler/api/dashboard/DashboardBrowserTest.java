package dz.libertaphonix.scheduler.api.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * The dashboard in a real headless Chromium: sign in, see the jobs, stop and start, run the import
 * and watch it finish, see a failed run's error, and the read-only view of a team manager.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs them and sets
 * {@code SCHEDULER_BROWSER_TESTS=required}, so CI always runs these. Elsewhere, without Chromium,
 * they are skipped and the build's console says why ({@link ChromiumCondition}).
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
@ExtendWith(ChromiumCondition.class)
class DashboardBrowserTest {

    private static HeadlessDashboard dashboard;
    private static WebDriver browser;
    private static WireMockServer ecoManager;

    @Inject
    DashboardFixtures fixtures;

    @BeforeAll
    static void startBrowser() {
        dashboard = HeadlessDashboard.start();
        browser = dashboard.browser();
        ecoManager = new WireMockServer(options().dynamicPort());
        ecoManager.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (dashboard != null) {
            dashboard.close();
        }
        if (ecoManager != null) {
            ecoManager.stop();
        }
    }

    @Test
    void adminSignsInSeesTheJobsStopsStartsRunsTheImportAndSeesAFailedRunsError() throws IOException {
        fixtures.failedRun("the Maystro account 'main' was refused: 401 Invalid token");
        String token = "natu-" + UUID.randomUUID();
        ecoManager.stubFor(get(urlPathEqualTo("/api/shop/v2/orders"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson(DashboardFixtures.ordersPage(300_000 + (System.nanoTime() % 100_000) * 10, 12))));
        String store = fixtures.store(ecoManager.baseUrl() + "/api/shop/v2", token);
        signIn(AdminTokens.admin());

        // the three jobs, each with its next fire times in Algiers time
        for (String job : List.of("ecomanager-sync", "shipping-status-sync", "daily-cleanup")) {
            await().ignoreExceptions()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> browser.findElements(By.cssSelector("[data-testid='next-" + job + "'] li"))
                                    .size()
                            == 5);
        }

        click(By.id("stop-all"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> overallState()
                .equals("arrêtées"));
        click(By.id("start-all"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> overallState()
                .equals("actives"));

        click(By.cssSelector("[data-job='ecomanager-sync'] button[data-action='run']"));
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    String last = text(By.cssSelector("[data-testid='last-ecomanager-sync']"));
                    return last.contains("Réussie") || last.contains("Partielle") || last.contains("Échouée");
                });
        // other test classes' stores (their WireMock gone) may make the run PARTIAL; this store's 12 orders arrive
        assertThat(text(By.cssSelector("[data-testid='last-ecomanager-sync']")))
                .containsPattern("(1[2-9]|[2-9][0-9]) commandes importées");

        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> text(By.id("history"))
                .contains("the Maystro account 'main' was refused"));
        assertThat(text(By.id("stores"))).contains(store);

        Path screenshot = Path.of("target", "dashboard.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                screenshot,
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aStoresConnectionTestResultStaysWhenTheStoresTableIsRedrawn() {
        String token = "kitch-" + UUID.randomUUID();
        ecoManager.stubFor(get(urlPathEqualTo("/api/shop/v2/orders"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson(DashboardFixtures.ordersPage(900_000 + (System.nanoTime() % 100_000) * 10, 1))));
        String store = fixtures.store(ecoManager.baseUrl() + "/api/shop/v2", token);
        signIn(AdminTokens.admin());
        String row = "//table[@id='stores']//tr[.//strong[text()='" + store + "']]";
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> browser.findElement(By.xpath(row))
                .isDisplayed());
        // mark the row as drawn now: the table is redrawn (a new row) once the test has answered
        ((JavascriptExecutor) browser)
                .executeScript(
                        "document.evaluate(arguments[0], document, null, 9, null).singleNodeValue"
                                + ".dataset.drawnBefore = 'yes'",
                        row);

        click(By.xpath(row + "//button[@data-action='test-store']"));

        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> {
            Object state = ((JavascriptExecutor) browser).executeScript("""
                    const tr = document.evaluate(arguments[0], document, null, 9, null).singleNodeValue;
                    return tr ? (tr.dataset.drawnBefore || 'redrawn') + '|' + tr.querySelector('[data-result]').innerText : '';
                    """, row);
            return String.valueOf(state).startsWith("redrawn|OK · 200");
        });
    }

    @Test
    void teamManagerGetsAReadOnlyViewWithoutButtons() {
        signIn(AdminTokens.teamManager());

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> browser.findElements(By.cssSelector("[data-testid='next-daily-cleanup'] li"))
                                .size()
                        == 5);
        assertThat(browser.findElements(By.cssSelector("button[data-action='run']")))
                .isEmpty();
        assertThat(browser.findElement(By.id("start-all")).isDisplayed()).isFalse();
        // the store health rows are there to read, without their actions
        assertThat(browser.findElements(By.cssSelector("button[data-action='test-store']")))
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("button[data-action='quarantine']")))
                .isEmpty();
        // nor the ADMIN actions of issues 13 and 15: dry runs, store webhooks, notification subscriptions
        assertThat(browser.findElements(
                        By.cssSelector("button[data-action='dry-run'], button[data-action^='webhooks-']")))
                .isEmpty();
        assertThat(browser.findElement(By.id("notifications-section")).isDisplayed())
                .isFalse();
        assertThat(browser.findElements(By.cssSelector("input[data-action='toggle']")))
                .isNotEmpty()
                .allSatisfy(toggle -> assertThat(toggle.isEnabled()).isFalse());
        assertThat(text(By.id("who"))).contains("chef d'équipe (lecture seule)");
    }

    private static void signIn(String token) {
        dashboard.signIn(token);
    }

    private static void click(By by) {
        dashboard.click(by);
    }

    private static String text(By by) {
        return dashboard.text(by);
    }

    private static String overallState() {
        return text(By.cssSelector("[data-testid='overall-state']"));
    }
}
