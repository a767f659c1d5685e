package dz.libertaphonix.scheduler.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dz.libertaphonix.scheduler.api.catalogue.FourthJobProfile;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** The dashboard shows a job the page has never heard of: its card, its run, its history filter. */
@QuarkusTest
@TestProfile(FourthJobProfile.class)
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
@ExtendWith(ChromiumCondition.class)
class FourthJobDashboardTest {

    private static HeadlessDashboard dashboard;

    @BeforeAll
    static void startBrowser() {
        dashboard = HeadlessDashboard.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    @Test
    void showsTheFourthJobsCardRunsItAndFiltersTheHistoryByIt() {
        dashboard.signIn(AdminTokens.admin());

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> dashboard
                                .browser()
                                .findElements(By.cssSelector("[data-testid='next-weekly-digest'] li"))
                                .size()
                        == 5);
        assertThat(dashboard.text(By.id("job-weekly-digest"))).isEqualTo("Weekly digest");
        assertThat(dashboard.browser().findElements(By.cssSelector("#jobs article.job")))
                .hasSize(5);

        dashboard.click(By.cssSelector("[data-job='weekly-digest'] button[data-action='run']"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> dashboard
                .text(By.cssSelector("[data-testid='last-weekly-digest']"))
                .contains("Réussie"));
        assertThat(dashboard.text(By.cssSelector("[data-testid='last-weekly-digest']")))
                .contains("digests : 1");

        // the page offers the job in the history's filter; choosing it is setting the select (the page
        // redraws the options every few seconds, keeping the choice)
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() ->
                (Boolean) ((JavascriptExecutor) dashboard.browser()).executeScript("""
                        const select = document.querySelector("#history-filters select[name='job']");
                        if (!select.querySelector("option[value='weekly-digest']")) return false;
                        select.value = 'weekly-digest';
                        return true;
                        """));
        dashboard.click(By.cssSelector("#history-filters button[type='submit']"));
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> dashboard.text(By.cssSelector("#history tbody")).contains("Weekly digest")
                        && !dashboard.text(By.cssSelector("#history tbody")).contains("Nettoyage quotidien"));
    }
}
