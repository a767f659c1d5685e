package dz.libertaphonix.scheduler.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PerStoreRunsTest {

    @Test
    void failsOnlyWhenEveryStoreFailedAndIsPartialWhenOneFailedOrDidNotFinish() {
        assertThat(PerStoreRuns.status(3, 3, false)).isEqualTo(JobRunStatus.FAILED);
        assertThat(PerStoreRuns.status(1, 3, false)).isEqualTo(JobRunStatus.PARTIAL);
        assertThat(PerStoreRuns.status(0, 3, true)).isEqualTo(JobRunStatus.PARTIAL);
        assertThat(PerStoreRuns.status(0, 3, false)).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(PerStoreRuns.status(0, 0, false)).isEqualTo(JobRunStatus.SUCCEEDED);
    }

    @Test
    void theMessageCountsTheFailuresAndShowsTheFirstFiveNotes() {
        List<String> notes =
                IntStream.rangeClosed(1, 7).mapToObj(i -> "S" + i + ": refused").toList();

        assertThat(PerStoreRuns.message(2, 7, notes))
                .isEqualTo("2 of 7 stores failed; S1: refused; S2: refused; S3: refused; S4: refused; S5: refused; …");
        assertThat(PerStoreRuns.message(0, 2, List.of("NATU: the deadline passed")))
                .isEqualTo("NATU: the deadline passed");
    }

    @Test
    void theMessageStaysWithinFiveHundredCharacters() {
        String message = PerStoreRuns.message(1, 1, List.of("NATU: " + "x".repeat(600)));

        assertThat(message)
                .hasSize(500)
                .startsWith("1 of 1 stores failed; NATU: xxx")
                .endsWith("x…");
    }
}
