package dz.libertaphonix.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * JVM-mode cold start of the jobs function, the way Lambda runs it: the packaged artifact started as
 * its own JVM (prod profile, Lambda's JVM flags) under the AWS Lambda runtime interface client against
 * a mock Lambda Runtime API ({@link PackagedFunction}), with real PostgreSQL and Redis, serving one
 * scheduled {@code daily-cleanup} event. Measured: process start to the first completed invocation
 * response (the run's SyncCompleted PutEvents included), and the process's peak RSS (VmHWM).
 *
 * <p>Each round measures, back to back: a trivial Java program's start to its first line of output
 * and its peak RSS (the baseline), the function with the AOT cache the build trained
 * ({@link AotCacheTraining}, {@code target/app.aot}), the same function without it, and, with the
 * cache, {@code ecomanager-sync}: a job the training did not run. Run with
 * {@code bench/run jobs ColdStartBenchmark}: the jobs module's bench profile runs this after
 * {@code package}, so it measures the artifact and cache just built.
 */
@Tag("bench")
class ColdStartBenchmark {

    private static final int ROUNDS = 5;

    private record ColdStart(long millis, long invocationMillis, long peakRssKb, long cpuMillis) {}

    @Test
    void coldStartOfTheDailyCleanupFunctionToItsFirstInvocation() throws Exception {
        assertThat(PackagedFunction.AOT_CACHE)
                .as("the AOT cache the package phase trains (jobs/pom.xml, execution aot-cache)")
                .isNotEmptyFile();
        PackagedFunction function = PackagedFunction.packaged();
        Path baselineClass = compileBaseline();

        List<String> withCache = List.of("-XX:AOTCache=" + PackagedFunction.AOT_CACHE, "-XX:AOTMode=on");
        List<ColdStart> baseline = new ArrayList<>();
        List<ColdStart> cached = new ArrayList<>();
        List<ColdStart> uncached = new ArrayList<>();
        List<ColdStart> importCached = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            baseline.add(baseline(baselineClass));
            cached.add(coldStart(function, "daily-cleanup", withCache, "aot-" + round));
            uncached.add(coldStart(function, "daily-cleanup", List.of(), "plain-" + round));
            // a function the cache was not trained on (no store is active here: the run finds nothing to import)
            importCached.add(coldStart(function, "ecomanager-sync", withCache, "import-aot-" + round));
        }

        long start = median(cached, ColdStart::millis);
        long plainStart = median(uncached, ColdStart::millis);
        long baseStart = median(baseline, ColdStart::millis);
        long peak = median(cached, ColdStart::peakRssKb) / 1024;
        long plainPeak = median(uncached, ColdStart::peakRssKb) / 1024;
        long basePeak = median(baseline, ColdStart::peakRssKb) / 1024;
        System.out.println("BENCH jobs_cold_start_aot_cache_ms " + start + " ms");
        System.out.println(
                "BENCH jobs_first_invocation_aot_cache_ms " + median(cached, ColdStart::invocationMillis) + " ms");
        System.out.println("BENCH jobs_cold_start_cpu_aot_cache_ms " + median(cached, ColdStart::cpuMillis) + " ms");
        System.out.println("BENCH jobs_peak_rss_aot_cache_mb " + peak + " MB");
        System.out.println("BENCH jobs_ecomanager_sync_cold_start_aot_cache_ms "
                + median(importCached, ColdStart::millis) + " ms");
        System.out.println("BENCH jobs_cold_start_plain_jvm_ms " + plainStart + " ms");
        System.out.println(
                "BENCH jobs_first_invocation_plain_jvm_ms " + median(uncached, ColdStart::invocationMillis) + " ms");
        System.out.println("BENCH jobs_cold_start_cpu_plain_jvm_ms " + median(uncached, ColdStart::cpuMillis) + " ms");
        System.out.println("BENCH jobs_peak_rss_plain_jvm_mb " + plainPeak + " MB");
        System.out.println("BENCH jvm_baseline_start_ms " + baseStart + " ms");
        System.out.println("BENCH jvm_baseline_peak_rss_mb " + basePeak + " MB");
        System.out.println("BENCH jobs_cold_start_aot_cache_vs_baseline " + ratio(start, baseStart) + " x");
        System.out.println("BENCH jobs_cold_start_plain_jvm_vs_baseline " + ratio(plainStart, baseStart) + " x");
        System.out.println("BENCH jobs_cold_start_plain_jvm_vs_aot_cache " + ratio(plainStart, start) + " x");
        System.out.println("BENCH jobs_peak_rss_aot_cache_vs_baseline " + ratio(peak, basePeak) + " x");
        System.out.println("BENCH jobs_peak_rss_plain_jvm_vs_baseline " + ratio(plainPeak, basePeak) + " x");
        System.out.println("BENCH jobs_cold_start_aot_cache_rounds "
                + cached.stream().map(ColdStart::millis).toList() + " ms");
        System.out.println("BENCH jobs_cold_start_plain_jvm_rounds "
                + uncached.stream().map(ColdStart::millis).toList() + " ms");
        System.out.println("BENCH machine_load_average_1m " + loadAverage() + " load");
        assertThat(cached).allSatisfy(cold -> assertThat(cold.millis()).isPositive());
    }

    private ColdStart coldStart(PackagedFunction function, String job, List<String> flags, String name)
            throws Exception {
        PackagedFunction.Started started = function.start(
                job,
                List.of(PackagedFunction.scheduledEvent(job)),
                flags,
                Path.of("target", "bench-cold-start-" + name + ".log"));
        try {
            String response = started.awaitResponse(0);
            MockLambdaRuntime.Invocation invocation = started.runtime().invocation(0);
            long peak = started.peakRssKb();
            long cpu = started.cpuMillis();
            assertThat(response).contains("\"status\":\"SUCCEEDED\"");
            assertThat(started.runtime().putEvents())
                    .as("the run's SyncCompleted event")
                    .isEqualTo(1);
            return new ColdStart(
                    TimeUnit.NANOSECONDS.toMillis(invocation.respondedAt - started.startedAt()),
                    TimeUnit.NANOSECONDS.toMillis(invocation.respondedAt - invocation.handedOutAt),
                    peak,
                    cpu);
        } finally {
            started.kill();
            started.process().waitFor(20, TimeUnit.SECONDS);
        }
    }

    private ColdStart baseline(Path classes) throws Exception {
        List<String> command = new ArrayList<>(List.of(PackagedFunction.java()));
        command.addAll(PackagedFunction.LAMBDA_JVM_FLAGS);
        command.addAll(List.of("-cp", classes.toString(), "Baseline"));
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            long ready = System.nanoTime();
            assertThat(line).isEqualTo("ready");
            long peak = PackagedFunction.peakRssKb(process.pid());
            process.getOutputStream().close();
            process.waitFor(20, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(ready - t0);
            return new ColdStart(millis, 0, peak, 0);
        } finally {
            process.destroyForcibly();
        }
    }

    /** The smallest Java program that starts, says so, and waits: the JVM's own start cost and footprint. */
    private static Path compileBaseline() throws IOException {
        Path dir = Files.createTempDirectory("baseline");
        Path source = dir.resolve("Baseline.java");
        Files.writeString(source, """
                public class Baseline {
                    public static void main(String[] args) throws Exception {
                        System.out.println("ready");
                        System.out.flush();
                        System.in.read();
                    }
                }
                """);
        int status =
                ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), source.toString());
        assertThat(status).isZero();
        return dir;
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static long median(List<ColdStart> values, ToLongFunction<ColdStart> field) {
        List<Long> sorted = values.stream().map(field::applyAsLong).sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String ratio(long value, long baseline) {
        return String.format(Locale.ROOT, "%.2f", baseline == 0 ? 0.0 : (double) value / baseline);
    }
}
