package dz.libertaphonix.scheduler.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DryRunReportTest {

    @Test
    void countsEveryWriteButKeepsTheFirstFiftySamplesOfAKind() {
        DryRunReport report = new DryRunReport();

        IntStream.rangeClosed(1, 120).forEach(i -> report.would("orders.import", "NATU/" + i));
        report.would("stores.cursor", 1, List.of("NATU: 0 → 120"));

        assertThat(report.kinds()).containsOnlyKeys("orders.import", "stores.cursor");
        DryRunReport.Kind imports = report.kind("orders.import");
        assertThat(imports.count()).isEqualTo(120);
        assertThat(imports.samples())
                .hasSize(DryRunReport.SAMPLES)
                .startsWith("NATU/1")
                .endsWith("NATU/50");
        assertThat(report.kind("orders.assign")).isEqualTo(new DryRunReport.Kind(0, List.of()));
    }

    @Test
    void aCountWithFewerSamplesThanWritesKeepsTheCount() {
        DryRunReport report = new DryRunReport();

        report.would("activity_logs.delete", 10_000, List.of("1", "2", "3"));
        report.would("activity_logs.delete", 5, List.of("4"));

        assertThat(report.kind("activity_logs.delete"))
                .isEqualTo(new DryRunReport.Kind(10_005, List.of("1", "2", "3", "4")));
    }

    @Test
    void aRealRunsContextRefusesToRecord() {
        JobContext real = new JobContext() {
            @Override
            public java.util.UUID runId() {
                return java.util.UUID.randomUUID();
            }

            @Override
            public JobId jobId() {
                return JobId.of("daily-cleanup");
            }

            @Override
            public RunTrigger trigger() {
                return RunTrigger.MANUAL;
            }

            @Override
            public java.time.Instant deadline() {
                return java.time.Instant.MAX;
            }

            @Override
            public java.time.Clock clock() {
                return java.time.Clock.systemUTC();
            }

            @Override
            public void progress(String unit, long done, long total) {}
        };

        assertThat(real.dryRun()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(real::wouldDo).isInstanceOf(IllegalStateException.class);
    }
}
