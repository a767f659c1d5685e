package dz.libertaphonix.scheduler.api.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.JobAlreadyRunningException;
import dz.libertaphonix.scheduler.runs.JobDispatcher;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Run now" in-process: the run id at once, the run on a managed executor, one run at a time. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(LocalSchedulerTestProfile.class)
class LocalJobDispatcherTest {

    @Inject
    JobDispatcher dispatcher;

    @Inject
    GatedImportJob job;

    @Inject
    ScheduleRows rows;

    @BeforeEach
    void freshJob() {
        job.reset();
        rows.freeJob(EcoManagerSyncJob.ID);
    }

    @AfterEach
    void letItFinish() {
        job.open();
    }

    @Test
    void answersWithTheRunIdWhileTheRunGoesOnInTheBackground() throws InterruptedException {
        job.close();

        UUID runId = dispatcher.dispatch(EcoManagerSyncJob.ID, "admin@libertaphonix.dz");

        assertThat(job.awaitStarted(15)).isTrue();
        JobRun running = rows.run(runId);
        assertThat(running.status).isEqualTo(JobRunStatus.RUNNING);
        assertThat(running.trigger).isEqualTo(RunTrigger.MANUAL);
        assertThat(running.actor).isEqualTo("admin@libertaphonix.dz");
        job.open();
        await().atMost(Duration.ofSeconds(15)).until(() -> rows.run(runId).status == JobRunStatus.SUCCEEDED);
        assertThat(rows.run(runId).counts).containsEntry("orders", 2L);
    }

    @Test
    void refusesASecondRunWhileOneIsRunningNamingTheRunningOne() throws InterruptedException {
        job.close();
        UUID first = dispatcher.dispatch(EcoManagerSyncJob.ID, "admin@libertaphonix.dz");
        assertThat(job.awaitStarted(15)).isTrue();

        assertThatThrownBy(() -> dispatcher.dispatch(EcoManagerSyncJob.ID, "other.admin@libertaphonix.dz"))
                .isInstanceOfSatisfying(JobAlreadyRunningException.class, e -> {
                    assertThat(e.job()).isEqualTo(EcoManagerSyncJob.ID);
                    assertThat(e.runningRunId()).isEqualTo(first);
                });
        job.open();
        await().atMost(Duration.ofSeconds(15)).until(() -> rows.run(first).status == JobRunStatus.SUCCEEDED);
        assertThat(job.executed()).containsExactly(first);
    }
}
