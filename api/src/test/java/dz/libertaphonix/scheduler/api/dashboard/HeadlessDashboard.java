package dz.libertaphonix.scheduler.api.dashboard;

import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The dashboard in a headless Chromium, as the browser tests drive it. */
final class HeadlessDashboard implements AutoCloseable {

    private final WebDriver browser;

    private HeadlessDashboard(WebDriver browser) {
        this.browser = browser;
    }

    static HeadlessDashboard start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumCondition.CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromiumCondition.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new HeadlessDashboard(new ChromeDriver(service, options));
    }

    WebDriver browser() {
        return browser;
    }

    /** Opens the dashboard with no session and signs in with the token. */
    void signIn(String token) {
        // the api is a Lambda HTTP app: in tests its requests enter through the mock event server,
        // whose port RestAssured is given
        browser.get("http://localhost:" + RestAssured.port + "/admin/scheduler");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        WebElement field = browser.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token);
        browser.findElement(By.cssSelector("#signin-form button[type='submit']"))
                .click();
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> browser.findElement(By.id("app"))
                .isDisplayed());
    }

    // the page re-renders the job cards every few seconds: find and click in one step, retrying a stale element
    void click(By by) {
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .until(() -> {
                    WebElement element = browser.findElement(by);
                    if (!element.isDisplayed() || !element.isEnabled()) {
                        return false;
                    }
                    element.click();
                    return true;
                });
    }

    // read in one script call: a re-render between finding an element and reading it cannot go stale
    String text(By by) {
        Object text = ((JavascriptExecutor) browser)
                .executeScript("const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", css(by));
        return text == null ? "" : text.toString();
    }

    private static String css(By by) {
        String description = by.toString();
        if (description.startsWith("By.id: ")) {
            return "#" + description.substring("By.id: ".length());
        }
        return description.substring("By.cssSelector: ".length());
    }

    @Override
    public void close() {
        browser.quit();
    }
}
