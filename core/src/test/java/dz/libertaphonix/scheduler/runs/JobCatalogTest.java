package dz.libertaphonix.scheduler.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.runner.ControllableJob;
import dz.libertaphonix.scheduler.schedule.Schedule;
import dz.libertaphonix.scheduler.schedule.ScheduleRepository;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue in the default test configuration: the production jobs, no test stand-in. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class JobCatalogTest {

    @Inject
    JobCatalog catalog;

    @Inject
    ScheduleRepository schedules;

    @Test
    void listsTheProductionJobsInCatalogueOrderWithTheNamesOfTheOriginalApi() {
        assertThat(catalog.jobs())
                .extracting(job -> job.id().id(), JobDescriptor::legacyName, JobDescriptor::triggerAliases)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "ecomanager-sync", "ecomanager_sync", List.of("ecomanager")),
                        org.assertj.core.groups.Tuple.tuple(
                                "shipping-status-sync", "shipping_status_sync", List.of("shipping")),
                        org.assertj.core.groups.Tuple.tuple("daily-cleanup", "daily_cleanup", List.of("cleanup")),
                        org.assertj.core.groups.Tuple.tuple("ecomanager-reconcile", "ecomanager_reconcile", List.of()));
        assertThat(catalog.jobs())
                .allSatisfy(job -> assertThat(job.displayName()).isNotBlank());
    }

    @Test
    void findsAJobByIdOrLegacyNameAndATriggerAlsoByItsAlias() {
        assertThat(catalog.find("shipping-status-sync")).contains(ShippingStatusSyncJob.DESCRIPTOR);
        assertThat(catalog.find("shipping_status_sync")).contains(ShippingStatusSyncJob.DESCRIPTOR);
        assertThat(catalog.find("shipping"))
                .as("an alias names a trigger path only")
                .isEmpty();
        assertThat(catalog.requireForTrigger("shipping")).isEqualTo(ShippingStatusSyncJob.DESCRIPTOR);
        assertThat(catalog.requireForTrigger("ecomanager_sync")).isEqualTo(EcoManagerSyncJob.DESCRIPTOR);
        assertThat(catalog.find(null)).isEmpty();

        assertThatThrownBy(() -> catalog.require("coffee-machine"))
                .isInstanceOf(UnknownJobException.class)
                .hasMessage("unknown job 'coffee-machine'");
        assertThatThrownBy(() -> catalog.requireForTrigger("Shipping")).isInstanceOf(UnknownJobException.class);
    }

    @Test
    void resolvesEachJobToItsProductionBeanNeverToATestStandInThatNoProfileSelected() {
        assertThat(catalog.resolve(DailyCleanupJob.ID).job()).isInstanceOf(DailyCleanupJob.class);
        assertThat(catalog.resolve(EcoManagerSyncJob.ID).job()).isInstanceOf(EcoManagerSyncJob.class);
        for (JobId id : catalog.ids()) {
            Job job = catalog.resolve(id).job();
            assertThat(job instanceof ControllableJob)
                    .as("%s resolves to %s", id, job)
                    .isFalse();
        }
        assertThat(catalog.resolve(JobId.of("coffee-machine")).problem())
                .isEqualTo("no job registered for coffee-machine");
    }

    @Test
    void everyJobHasItsScheduleRowAndEveryScheduleRowItsJob() {
        List<JobId> rows = QuarkusTransaction.requiringNew()
                .call(() -> schedules.listAll().stream().map(Schedule::job).toList());

        assertThat(rows).containsExactlyInAnyOrderElementsOf(catalog.ids());
    }

    @Test
    void namesTheRunsOfAJobThatIsGoneByTheDefaultFormOfItsId() {
        assertThat(catalog.legacyName(EcoManagerSyncJob.ID)).isEqualTo("ecomanager_sync");
        assertThat(catalog.legacyName(JobId.of("nightly-backup"))).isEqualTo("nightly_backup");
        assertThat(catalog.contains(JobId.of("nightly-backup"))).isFalse();
    }
}
