package dz.libertaphonix.scheduler.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** Without Chromium the browser tests say why, on the console; under CI they fail instead. */
class ChromiumConditionTest {

    private static final Path NOWHERE = Path.of("/nonexistent/chromium");

    @Test
    void skipsAndSaysWhyOnTheConsoleWhenChromiumIsMissing() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ChromiumCondition condition =
                new ChromiumCondition(NOWHERE, NOWHERE, null, new PrintStream(console, true, StandardCharsets.UTF_8));

        ConditionEvaluationResult result = condition.evaluateExecutionCondition(null);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("/nonexistent/chromium", "apt-get install chromium chromium-driver"));
        assertThat(console.toString(StandardCharsets.UTF_8))
                .startsWith("[WARNING] SKIPPED: the dashboard browser tests need /nonexistent/chromium");
    }

    @Test
    void failsWhenChromiumIsRequiredButMissing() {
        ChromiumCondition condition = new ChromiumCondition(
                NOWHERE,
                NOWHERE,
                "required",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThatThrownBy(() -> condition.evaluateExecutionCondition(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SCHEDULER_BROWSER_TESTS=required");
    }
}
