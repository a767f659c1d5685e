package dz.libertaphonix.scheduler.shipping;

import static dz.libertaphonix.scheduler.testsupport.MaystroParcels.parcel;
import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.orders.OrderStatus;
import dz.libertaphonix.scheduler.runs.Job;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.MaystroFake;
import dz.libertaphonix.scheduler.testsupport.OrderRow;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import dz.libertaphonix.scheduler.testsupport.ShippingFixtures;
import dz.libertaphonix.scheduler.testsupport.TestJobContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Job bean as the runner calls it, with the accounts from configuration. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(MaystroFake.Resource.class)
class ShippingStatusSyncJobTest {

    @Inject
    JobCatalog catalog;

    @Inject
    ShippingFixtures fixtures;

    @Test
    void syncsEveryConfiguredAccountChoosingTheCheaperWayForEach() throws Exception {
        // found in the runner's catalogue, as a scheduled run would find it
        Job job = catalog.resolve(ShippingStatusSyncJob.ID).found().orElseThrow();
        assertThat(job).isInstanceOf(ShippingStatusSyncJob.class);
        Instant now = ShippingFixtures.era();
        UUID runId = fixtures.run(now);
        Store store = fixtures.store();
        List<OrderRow> orders = IntStream.range(0, 15)
                .mapToObj(i -> fixtures.order(store, ShippingFixtures.reference("JOB"), now))
                .toList();
        // "main" ships the first ten (a page is cheaper), "backup" the last five (five lookups are)
        MaystroFake.forKey("main", MaystroFake.MAIN_KEY)
                .list(orders.subList(0, 10).stream()
                        .map(o -> parcel(o.reference, 41, now))
                        .toList());
        MaystroFake.Account backup = MaystroFake.forKey("backup", MaystroFake.BACKUP_KEY);
        orders.subList(10, 15).forEach(o -> backup.lookup(o.reference, List.of(parcel(o.reference, 31, now))));

        JobResult result = job.execute(TestJobContext.shippingAt(runId, now));

        assertThat(result.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(result.message()).isNull();
        assertThat(result.counts())
                .containsEntry("openOrders", 15L)
                .containsEntry("checked", 15L)
                .containsEntry("changed", 15L)
                .containsEntry("notFound", 0L)
                .containsEntry("notChecked", 0L);
        ShippingSyncReport report = (ShippingSyncReport) result.results();
        assertThat(report.accounts())
                .extracting(AccountSyncResult::account, AccountSyncResult::strategy, AccountSyncResult::checked)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("main", SyncStrategy.PAGING, 10L),
                        org.assertj.core.groups.Tuple.tuple("backup", SyncStrategy.LOOKUP, 5L));
        // the results go into the run ledger as JSON, and come back out of it
        fixtures.recordResult(runId, result);
        java.util.Map<?, ?> stored = (java.util.Map<?, ?>) fixtures.storedResults(runId);
        assertThat(((Number) stored.get("checked")).longValue()).isEqualTo(15L);
        List<Object> strategies = ((List<?>) stored.get("accounts"))
                .stream()
                        .map(a -> ((java.util.Map<?, ?>) a).get("strategy"))
                        .map(Object.class::cast)
                        .toList();
        assertThat(strategies).containsExactly("PAGING", "LOOKUP");
        assertThat(orders.subList(0, 10))
                .allSatisfy(o -> assertThat(fixtures.reload(o.id).status).isEqualTo(OrderStatus.DELIVERED));
        assertThat(orders.subList(10, 15)).allSatisfy(o -> assertThat(fixtures.reload(o.id).shippingStatusCode)
                .isEqualTo(31));
    }
}
