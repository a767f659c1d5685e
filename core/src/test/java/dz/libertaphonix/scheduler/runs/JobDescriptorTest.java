package dz.libertaphonix.scheduler.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Job ids and descriptors refuse what the schema, Redis keys and rule names could not carry. */
class JobDescriptorTest {

    @ParameterizedTest
    @ValueSource(strings = {"ecomanager-sync", "daily-cleanup", "ecomanager-reconcile", "job2", "a"})
    void acceptsLowerCaseWordsJoinedByHyphens(String id) {
        assertThat(JobId.of(id).id()).isEqualTo(id);
        assertThat(JobId.parse(id)).contains(JobId.of(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Ecomanager-sync", "ecomanager_sync", "-sync", "sync-", "two--hyphens", "2fast", "a b"})
    void refusesAnythingElse(String id) {
        assertThatThrownBy(() -> JobId.of(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a job id");
        assertThat(JobId.parse(id)).isEmpty();
    }

    @Test
    void refusesAnIdLongerThanARuleNameCanCarry() {
        assertThat(JobId.parse("a".repeat(63))).isPresent();
        assertThat(JobId.parse("a".repeat(64))).isEmpty();
        assertThat(JobId.parse(null)).isEmpty();
    }

    @Test
    void givesANewJobItsLegacyNameAndNoTriggerAlias() {
        JobDescriptor job = JobDescriptor.of("ecomanager-reconcile", "EcoManager completeness sweep", 40);

        assertThat(job.legacyName()).isEqualTo("ecomanager_reconcile");
        assertThat(job.triggerAliases()).isEmpty();
        assertThat(job.withTriggerAliases("reconcile").triggerAliases()).isEqualTo(List.of("reconcile"));
        assertThatThrownBy(() -> JobDescriptor.of("x", " ", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> job.withTriggerAliases("Reconcile")).isInstanceOf(IllegalArgumentException.class);
    }
}
