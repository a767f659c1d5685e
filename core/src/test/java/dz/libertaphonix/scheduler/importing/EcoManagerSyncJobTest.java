package dz.libertaphonix.scheduler.importing;

import static dz.libertaphonix.scheduler.testsupport.EcoManagerPayloads.IN_DISPATCH;
import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.agents.Agent;
import dz.libertaphonix.scheduler.runs.Job;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.FakeEcoManager;
import dz.libertaphonix.scheduler.testsupport.ImportFixtures;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import dz.libertaphonix.scheduler.testsupport.TestJobContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The job as the JobRunner sees it: a {@link Job} bean for {@code ecomanager-sync}. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class EcoManagerSyncJobTest {

    static FakeEcoManager fake;

    @Inject
    @Any
    Instance<Job> jobs;

    @Inject
    ImportFixtures fixtures;

    @BeforeAll
    static void startFake() {
        fake = FakeEcoManager.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @Test
    void retriesTheBacklogFirstThenImportsEveryActiveStoreAndReportsPerStore() throws Exception {
        String natuToken = FakeEcoManager.newToken();
        String bioToken = FakeEcoManager.newToken();
        Store natu = fixtures.store(fake, natuToken);
        Store bio = fixtures.store(fake, bioToken);
        Store paused = fixtures.store(fake, FakeEcoManager.newToken());
        fixtures.retireOtherStores(natu, bio, paused);
        fixtures.deactivate(paused);
        Agent agent = fixtures.agent("Houda Mebarki", 10_000);
        fixtures.retireOtherAgents(agent);
        long waiting = fixtures.pendingOrder(natu, Instant.now().minusSeconds(7_200));
        fake.shop(natuToken).orders(31_001, 31_040, IN_DISPATCH).state(31_010, "Annulé");
        fake.shop(bioToken).orders(9_001, 9_005, IN_DISPATCH);
        Job job = jobs.stream()
                .filter(j -> j.id() == EcoManagerSyncJob.ID)
                .findFirst()
                .orElseThrow();
        TestJobContext context = fixtures.context();

        JobResult result = job.execute(context);

        assertThat(result.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(result.counts())
                .containsEntry("stores", 2L)
                .containsEntry("imported", 44L)
                .containsEntry("skipped", 1L)
                .containsEntry("storesFailed", 0L)
                .containsEntry("requests", 2L);
        assertThat(result.counts().get("backlogAssigned")).isGreaterThanOrEqualTo(1L);
        assertThat(fixtures.order(waiting).get("assigned_agent_id")).isEqualTo(agent.id);
        ImportRunResult detail = (ImportRunResult) result.results();
        assertThat(detail.stores())
                .extracting(StoreImportResult::store)
                .containsExactlyInAnyOrder(natu.identifier, bio.identifier);
        assertThat(detail.stores()).allSatisfy(store -> {
            assertThat(store.status()).isEqualTo(StoreImportStatus.SUCCEEDED);
            assertThat(store.assigned()).isEqualTo(store.imported());
        });
        assertThat(fixtures.activity(context.runId(), "import.store"))
                .hasSize(2)
                .allSatisfy(entry -> assertThat((String) entry.get("metadata"))
                        .contains(
                                "\"fetched\"",
                                "\"imported\"",
                                "\"duplicates\"",
                                "\"quarantined\"",
                                "\"assigned\"",
                                "\"requests\"",
                                "\"durationMillis\""));
        assertThat(context.progress("stores"))
                .extracting(TestJobContext.Progress::done)
                .contains(2L);
        assertThat(fake.requestCount(natuToken)).isEqualTo(1);
        Map<Long, Map<String, Object>> imported = fixtures.orders(natu);
        assertThat(imported).hasSize(40).doesNotContainKey(31_010L);
    }
}
