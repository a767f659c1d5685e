package dz.libertaphonix.scheduler.api.dashboard;

import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.ledger.JobRunRepository;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.stores.StoreAdminService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Data the dashboard tests look at: a failed run in the ledger, a store served by the sandbox. */
@ApplicationScoped
public class DashboardFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final JobRunRepository runs;
    private final StoreAdminService stores;
    private final Clock clock;

    public DashboardFixtures(JobRunRepository runs, StoreAdminService stores, Clock clock) {
        this.runs = runs;
        this.stores = stores;
        this.clock = clock;
    }

    /** A shipping run that failed a minute ago, as the runner records one. */
    @Transactional
    public UUID failedRun(String message) {
        JobRun run = new JobRun();
        run.id = UUID.randomUUID();
        run.jobId = ShippingStatusSyncJob.ID;
        run.trigger = RunTrigger.SCHEDULED;
        run.actor = "scheduler";
        run.startedAt = clock.instant().minus(Duration.ofMinutes(1));
        run.endedAt = run.startedAt.plusSeconds(3);
        run.status = JobRunStatus.FAILED;
        run.error = Map.of(
                "class", "CourierCredentialsRejectedException", "message", message, "where", "ShippingStatusSync");
        runs.persist(run);
        return run.id;
    }

    /** A store whose EcoManager is {@code baseUrl}; returns its identifier. */
    public String store(String baseUrl, String token) {
        return store(baseUrl, token, true);
    }

    /** A store, active or not (an inactive one stays out of the imports other tests run). */
    public String store(String baseUrl, String token, boolean active) {
        String identifier = "DASH" + SEQUENCE.incrementAndGet() + (System.nanoTime() % 10_000);
        stores.create(identifier, "Natura Cosmétiques", baseUrl, token, active);
        return identifier;
    }

    /** One EcoManager page of new orders waiting in dispatch, as the shop API sends it. */
    public static String ordersPage(long firstId, int count) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < count; i++) {
            long id = firstId + count - 1 - i;
            if (i > 0) {
                data.append(',');
            }
            data.append("""
                    {"id": %d, "reference": "NATU-%d", "order_state_name": "En dispatch",
                     "full_name": "Amina Benali", "telephone": "055%07d", "wilaya": "Alger", "commune": "Bab Ezzouar",
                     "items": [{"product_id": "101", "title": "Crème hydratante à l'huile d'argan 50 ml", "quantity": 2,
                                "unit_price": 1800, "total_price": 3600}],
                     "total": "4000.00", "created_at": "2026-11-29 10:15:00", "updated_at": "2026-11-29 10:15:00"}
                    """.formatted(id, id, id % 10_000_000));
        }
        return """
                {"data": [%s],
                 "links": {"first": null, "last": null, "prev": null, "next": null},
                 "meta": {"path": "/api/shop/v2/orders", "per_page": 100, "next_cursor": null, "prev_cursor": null}}
                """.formatted(data);
    }
}
