package dz.libertaphonix.scheduler.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Job lookup in the default test configuration, where no profile selects the runtime's test stand-ins. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class JobRegistryTest {

    @Inject
    JobRegistry registry;

    @Test
    void findsTheProductionDailyCleanupJob() {
        assertThat(registry.resolve(JobId.DAILY_CLEANUP).job()).isInstanceOf(DailyCleanupJob.class);
    }

    @Test
    void neverResolvesToATestStandInThatNoProfileSelected() {
        // before the import and shipping jobs exist their ids resolve to nothing; never to a stand-in
        for (JobId id : JobId.values()) {
            Job job = registry.resolve(id).job();
            assertThat(job instanceof ControllableJob)
                    .as("%s resolves to %s", id, job)
                    .isFalse();
        }
    }
}
