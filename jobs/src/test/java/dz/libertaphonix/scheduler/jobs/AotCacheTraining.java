package dz.libertaphonix.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.testsupport.lambda.PackagedLambda;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Builds the packaged function's JDK AOT cache ({@code target/app.aot}, JEP 483/514/515): a training
 * run of the real artifact, started as Lambda starts it, serving real scheduled events against real
 * PostgreSQL and Redis, records the classes it loads and links and the methods it profiles; the JVM
 * writes the cache when the function is shut down. The cache is then proven usable: the function
 * started with {@code -XX:AOTMode=on} (which refuses to start on a cache it cannot map) serves an event.
 *
 * <p>Runs in the {@code package} phase, right after the artifact is built (jobs/pom.xml, execution
 * {@code aot-cache}). A cache only serves the same JVM build and the same class path it was trained
 * with (docs/performance.md, "Cold start of the functions").
 */
@Tag("aot")
class AotCacheTraining {

    @Test
    void trainsTheAotCacheOnScheduledRunsOfThePackagedFunctionAndTheFunctionStartsWithIt() throws Exception {
        PackagedFunction function = PackagedFunction.packaged();
        Files.deleteIfExists(PackagedFunction.AOT_CACHE);

        PackagedLambda.Started training = function.start(
                "daily-cleanup",
                List.of(
                        PackagedFunction.scheduledEvent("daily-cleanup"),
                        PackagedFunction.scheduledEvent("daily-cleanup")),
                List.of("-XX:AOTCacheOutput=" + PackagedFunction.AOT_CACHE),
                Path.of("target", "aot-training.log"));
        try {
            assertThat(training.awaitResponse(0)).contains("\"status\":\"SUCCEEDED\"");
            assertThat(training.awaitResponse(1)).contains("\"status\":\"SUCCEEDED\"");
            // the cache is assembled as the JVM exits
            training.stop(300);
        } finally {
            training.kill();
        }
        assertThat(PackagedFunction.AOT_CACHE)
                .as("AOT cache written at exit; training log target/aot-training.log")
                .isNotEmptyFile();

        PackagedLambda.Started withCache = function.start(
                "daily-cleanup",
                List.of(PackagedFunction.scheduledEvent("daily-cleanup")),
                List.of("-XX:AOTCache=" + PackagedFunction.AOT_CACHE, "-XX:AOTMode=on"),
                Path.of("target", "aot-check.log"));
        try {
            assertThat(withCache.awaitResponse(0)).contains("\"status\":\"SUCCEEDED\"");
        } finally {
            withCache.kill();
        }
    }
}
