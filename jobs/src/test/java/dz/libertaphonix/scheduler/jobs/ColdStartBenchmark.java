package dz.libertaphonix.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.testsupport.lambda.BenchFigures;
import dz.libertaphonix.scheduler.testsupport.lambda.JvmBaseline;
import dz.libertaphonix.scheduler.testsupport.lambda.PackagedLambda;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * JVM-mode cold start of the jobs function, the way Lambda runs it: the packaged artifact started as
 * its own JVM (prod profile, Lambda's JVM flags) under the AWS Lambda runtime interface client against
 * a mock Lambda Runtime API ({@link PackagedFunction}, {@link PackagedLambda}), with real PostgreSQL and Redis, serving one
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
        JvmBaseline baselineProgram = JvmBaseline.compile();

        List<String> withCache = List.of("-XX:AOTCache=" + PackagedFunction.AOT_CACHE, "-XX:AOTMode=on");
        List<ColdStart> baseline = new ArrayList<>();
        List<ColdStart> cached = new ArrayList<>();
        List<ColdStart> uncached = new ArrayList<>();
        List<ColdStart> importCached = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            baseline.add(baseline(baselineProgram));
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
        System.out.println("BENCH machine_load_average_1m " + BenchFigures.loadAverage() + " load");
        assertThat(cached).allSatisfy(cold -> assertThat(cold.millis()).isPositive());
    }

    private ColdStart coldStart(PackagedFunction function, String job, List<String> flags, String name)
            throws Exception {
        PackagedLambda.Started started = function.start(
                job,
                List.of(PackagedFunction.scheduledEvent(job)),
                flags,
                Path.of("target", "bench-cold-start-" + name + ".log"));
        try {
            String response = started.awaitResponse(0);
            long peak = started.peakRssKb();
            long cpu = started.cpuMillis();
            assertThat(response).contains("\"status\":\"SUCCEEDED\"");
            assertThat(started.runtime().putEvents())
                    .as("the run's SyncCompleted event")
                    .isEqualTo(1);
            return new ColdStart(started.millisToResponse(0), started.invocationMillis(0), peak, cpu);
        } finally {
            started.kill();
            started.process().waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static ColdStart baseline(JvmBaseline program) throws Exception {
        JvmBaseline.Start start = program.measure(PackagedFunction.LAMBDA_JVM_FLAGS);
        return new ColdStart(start.millis(), 0, start.peakRssKb(), 0);
    }

    private static long median(List<ColdStart> values, ToLongFunction<ColdStart> field) {
        return BenchFigures.median(values, field);
    }

    private static String ratio(long value, long baseline) {
        return BenchFigures.ratio(value, baseline);
    }
}
