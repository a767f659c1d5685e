package dz.libertaphonix.scheduler.testsupport;

import dz.libertaphonix.scheduler.orders.OrderStatus;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.ledger.JobRunRepository;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.shipping.courier.CourierAccount;
import dz.libertaphonix.scheduler.shipping.courier.CourierAccountRepository;
import dz.libertaphonix.scheduler.shipping.webhook.InboundEvent;
import dz.libertaphonix.scheduler.shipping.webhook.InboundEventRepository;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.stores.StoreAdminService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Data for the shipping tests. Each test lives in its own era: {@link #era()} hands out a "now" far
 * in the future and at least 400 days after the previous one, so that with the 60-day window a run
 * sees only the orders of its own test, whatever other tests left behind in the shared database.
 */
@ApplicationScoped
public class ShippingFixtures {

    private static final Instant FIRST_ERA =
            LocalDate.of(2100, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final AtomicInteger ERAS = new AtomicInteger();

    private final StoreAdminService stores;
    private final OrderRows rows;
    private final JobRunRepository runs;
    private final CourierAccountRepository courierAccounts;
    private final InboundEventRepository inboundEvents;

    public ShippingFixtures(
            StoreAdminService stores,
            OrderRows rows,
            JobRunRepository runs,
            CourierAccountRepository courierAccounts,
            InboundEventRepository inboundEvents) {
        this.stores = stores;
        this.rows = rows;
        this.runs = runs;
        this.courierAccounts = courierAccounts;
        this.inboundEvents = inboundEvents;
    }

    /** A fresh "now" for one test, after every era handed out before in this JVM. */
    public static Instant era() {
        return FIRST_ERA.plus(Duration.ofDays(400L * ERAS.incrementAndGet()));
    }

    public static String reference(String prefix) {
        return prefix + "-" + CoreFixtures.next();
    }

    public Store store() {
        String code = CoreFixtures.storeCode();
        return stores.create(
                code,
                "Boutique " + code,
                "https://" + code.toLowerCase() + ".ecomanager.dz/api/shop/v2",
                "tok-" + UUID.randomUUID(),
                true);
    }

    /** A finished {@code job_runs} row, so orders and events may point at the run id. */
    @Transactional
    public UUID run(Instant startedAt) {
        JobRun run = new JobRun();
        run.id = UUID.randomUUID();
        run.jobId = ShippingStatusSyncJob.ID;
        run.trigger = RunTrigger.MANUAL;
        run.startedAt = startedAt;
        run.endedAt = startedAt;
        run.status = JobRunStatus.SUCCEEDED;
        runs.persist(run);
        return run.id;
    }

    /**
     * A confirmed order handed to the courier, imported a day before {@code now}; {@code customize}
     * may set anything else (status, courier fields ...) before it is saved.
     */
    public OrderRow order(Store store, String reference, Instant now, Consumer<OrderRow> customize) {
        CustomerRow customer = new CustomerRow();
        customer.fullName = "Amina Benali";
        customer.phone = CoreFixtures.mobile();
        customer.wilaya = "Alger";
        customer.commune = "Bab Ezzouar";
        customer.createdAt = now.minus(Duration.ofDays(2));
        customer.updatedAt = customer.createdAt;
        rows.insert(customer);

        OrderRow order = new OrderRow();
        order.storeId = store.id;
        order.ecomanagerId = CoreFixtures.next();
        order.reference = reference;
        order.customerId = customer.id;
        order.status = OrderStatus.CONFIRMED;
        order.ecomanagerState = "Confirmé";
        order.total = new BigDecimal("4500.00");
        order.orderedAt = now.minus(Duration.ofDays(2));
        order.importedAt = now.minus(Duration.ofDays(1));
        order.updatedAt = order.importedAt;
        customize.accept(order);
        return rows.insert(order);
    }

    /** Many orders, {@code customize} applied to each. */
    public List<OrderRow> orders(Store store, List<String> references, Instant now, Consumer<OrderRow> customize) {
        return references.stream().map(r -> order(store, r, now, customize)).toList();
    }

    public OrderRow order(Store store, String reference, Instant now) {
        return order(store, reference, now, o -> {});
    }

    /** Writes a job's result into its ledger row as the runner does, and reads it back from JSON. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordResult(UUID runId, JobResult result) {
        JobRun run = runs.findById(runId);
        run.status = result.status();
        run.counts = new java.util.LinkedHashMap<>(result.counts());
        run.results = result.results();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Object storedResults(UUID runId) {
        return runs.findById(runId).results;
    }

    public OrderRow reload(long orderId) {
        return rows.order(orderId);
    }

    public String customerPhone(OrderRow order) {
        return rows.customerPhone(order.id);
    }

    public List<StatusEventRow> events(long orderId) {
        return rows.events(orderId);
    }

    @Transactional
    public CourierAccount courierAccount(String name) {
        return courierAccounts.findById(name);
    }

    @Transactional
    public List<InboundEvent> inboundEventsContaining(String text) {
        return inboundEvents.list("payload like ?1 or reason like ?1 order by id", "%" + text + "%");
    }
}
