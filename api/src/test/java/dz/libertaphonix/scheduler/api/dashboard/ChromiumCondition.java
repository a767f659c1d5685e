package dz.libertaphonix.scheduler.api.dashboard;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the dashboard's browser tests only where headless Chromium and chromedriver are installed.
 * Without them the tests are skipped (each one, with the reason in the test report) and the reason is
 * printed on the build's console: surefire keeps the tests' own output in a file, but passes the
 * test JVM's native stderr through. With {@code SCHEDULER_BROWSER_TESTS=required} (CI, {@code .ci/run})
 * a missing Chromium fails the build instead.
 */
public class ChromiumCondition implements ExecutionCondition {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Path chromium;
    private final Path chromedriver;
    private final String mode;
    private final PrintStream console;

    public ChromiumCondition() {
        this(
                CHROMIUM,
                CHROMEDRIVER,
                System.getenv("SCHEDULER_BROWSER_TESTS"),
                // never closed: it is the JVM's own stderr
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }

    ChromiumCondition(Path chromium, Path chromedriver, String mode, PrintStream console) {
        this.chromium = chromium;
        this.chromedriver = chromedriver;
        this.mode = mode;
        this.console = console;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(chromium) && Files.isExecutable(chromedriver)) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
        }
        String missing = "the dashboard browser tests need " + chromium + " and " + chromedriver
                + " (apt-get install chromium chromium-driver)";
        if ("required".equals(mode)) {
            throw new IllegalStateException("SCHEDULER_BROWSER_TESTS=required but " + missing);
        }
        String reason = "SKIPPED: " + missing + "; .ci/run installs them and makes them required";
        // a disabled class is evaluated once: its tests are skipped without asking again
        console.println("[WARNING] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
