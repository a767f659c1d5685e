package dz.libertaphonix.scheduler.runs.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import dz.libertaphonix.scheduler.testsupport.RunFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A run that cannot start fails at once, clearly, with one complete ledger row and no job work. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(RedisDownTestProfile.class)
class JobRunnerWithoutRedisTest {

    @Inject
    JobRunner runner;

    @Inject
    ControllableShippingJob job;

    @Inject
    RunFixtures fixtures;

    @BeforeEach
    void freshJob() {
        job.reset();
    }

    @Test
    void failsFastWithAClearErrorWhenRedisIsUnavailableAndHalfWritesNothing() {
        String eventId = RunFixtures.eventId();

        RunSummary run = runner.run(RunRequest.scheduled(ShippingStatusSyncJob.ID, Instant.now(), eventId, null));

        assertThat(run.status()).isEqualTo(JobRunStatus.FAILED);
        assertThat(run.error().get("message"))
                .startsWith("Redis unavailable while taking the lock of shipping-status-sync");
        assertThat(run.error()).containsEntry("class", "RunStateUnavailableException");
        assertThat(job.executions()).isZero();
        List<JobRun> ledger = fixtures.runsForEvent(ShippingStatusSyncJob.ID, eventId);
        assertThat(ledger).singleElement().satisfies(row -> {
            assertThat(row.status).isEqualTo(JobRunStatus.FAILED);
            assertThat(row.endedAt).isNotNull();
            assertThat(row.lockOwner).isNull();
            assertThat(row.heartbeatAt).isNull();
        });
    }

    @Test
    void failsARunWhoseJobHasNoBeanSayingSo() {
        RunSummary run = runner.run(RunRequest.manual(DailyCleanupJob.ID, "ops@libertaphonix.dz", null));

        assertThat(run.status()).isEqualTo(JobRunStatus.FAILED);
        assertThat(run.error())
                .containsEntry("class", "NoJobRegistered")
                .containsEntry("message", "no job registered for daily-cleanup");
        assertThat(fixtures.run(run.runId()).status).isEqualTo(JobRunStatus.FAILED);
    }
}
