package dz.libertaphonix.scheduler.api.testsupport;

import dz.libertaphonix.scheduler.agents.Agent;
import dz.libertaphonix.scheduler.agents.AgentAdminService;
import dz.libertaphonix.scheduler.api.schedules.ScheduleStateCache;
import dz.libertaphonix.scheduler.audit.AuditEvent;
import dz.libertaphonix.scheduler.audit.AuditEventRepository;
import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.reconcile.EcoManagerReconcileJob;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.ledger.JobRunRepository;
import dz.libertaphonix.scheduler.schedule.ScheduleChanges;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.stores.StoreAdminService;
import dz.libertaphonix.scheduler.stores.StoreRepository;
import dz.libertaphonix.scheduler.stores.StoreTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builds api test data; every call makes new rows with unique keys, so tests never collide. */
@ApplicationScoped
public class AdminFixtures {

    public static final String DEFAULT_ECOMANAGER_CRON = "0 0 8-20 * * ?";
    public static final String DEFAULT_SHIPPING_CRON = "0 0 0,6,12,18 * * ?";
    public static final String DEFAULT_CLEANUP_CRON = "0 0 2 * * ?";
    public static final String DEFAULT_RECONCILE_CRON = "0 0 3 * * ?";

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final StoreAdminService storeAdmin;
    private final StoreTokens storeTokens;
    private final StoreRepository stores;
    private final AgentAdminService agents;
    private final JobRunRepository runs;
    private final AuditEventRepository audit;
    private final ScheduleChanges schedules;
    private final ScheduleStateCache scheduleCache;

    public AdminFixtures(
            StoreAdminService storeAdmin,
            StoreTokens storeTokens,
            StoreRepository stores,
            AgentAdminService agents,
            JobRunRepository runs,
            AuditEventRepository audit,
            ScheduleChanges schedules,
            ScheduleStateCache scheduleCache) {
        this.storeAdmin = storeAdmin;
        this.storeTokens = storeTokens;
        this.stores = stores;
        this.agents = agents;
        this.runs = runs;
        this.audit = audit;
        this.schedules = schedules;
        this.scheduleCache = scheduleCache;
    }

    /** The three schedules as the migration seeds them, all enabled; forgets the API's cached state. */
    public void defaultSchedules() {
        schedule(EcoManagerSyncJob.ID, DEFAULT_ECOMANAGER_CRON, true);
        schedule(ShippingStatusSyncJob.ID, DEFAULT_SHIPPING_CRON, true);
        schedule(DailyCleanupJob.ID, DEFAULT_CLEANUP_CRON, true);
        schedule(EcoManagerReconcileJob.ID, DEFAULT_RECONCILE_CRON, true);
    }

    public void schedule(JobId job, String cron, boolean enabled) {
        schedules.setCron(job, cron, "test");
        schedules.setEnabled(job, enabled, "test");
        scheduleCache.invalidate();
    }

    public static long next() {
        return SEQUENCE.incrementAndGet();
    }

    /** A unique store identifier such as {@code T123456}. */
    public static String storeCode() {
        return "T" + next();
    }

    public Store store(String baseUrl, String token) {
        String code = storeCode();
        return storeAdmin.create(code, "Boutique " + code, baseUrl, token, true);
    }

    public void rejectCredentials(long storeId, String reason) {
        storeTokens.markRejected(storeId, reason);
    }

    @Transactional
    public Store reload(long storeId) {
        return stores.findById(storeId);
    }

    public Agent agent(String name, int capacity) {
        String email = name.toLowerCase().replace(' ', '.') + "." + next() + "@libertaphonix.dz";
        return agents.create(name, email, capacity, true, true);
    }

    /** The agent as stored now. */
    public Agent reloadAgent(long agentId) {
        return agents.list().stream()
                .filter(agent -> agent.id.longValue() == agentId)
                .findFirst()
                .orElseThrow();
    }

    /** A finished run in the ledger. */
    @Transactional
    public JobRun finishedRun(JobId job, JobRunStatus status, RunTrigger trigger, Instant startedAt, long seconds) {
        JobRun run = new JobRun();
        run.id = UUID.randomUUID();
        run.jobId = job;
        run.trigger = trigger;
        run.actor = trigger == RunTrigger.MANUAL ? AdminTokens.ADMIN_EMAIL : "scheduler";
        run.startedAt = startedAt;
        run.endedAt = startedAt.plusSeconds(seconds);
        run.status = status;
        if (status == JobRunStatus.SKIPPED) {
            run.skipReason = "already-running";
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("imported", 14L);
        counts.put("quarantined", 1L);
        run.counts = counts;
        run.results = List.of(
                Map.of("store", "NATU", "imported", 9, "status", "SUCCEEDED"),
                Map.of("store", "ZAHRA", "imported", 5, "status", "SUCCEEDED"));
        if (status == JobRunStatus.FAILED || status == JobRunStatus.PARTIAL) {
            run.error = Map.of("class", "UpstreamUnavailableException", "message", "EcoManager answered 503");
        }
        runs.persist(run);
        return run;
    }

    @Transactional
    public List<AuditEvent> audit(String action, String target) {
        return audit.list("action = ?1 and target = ?2 order by id", action, target);
    }

    @Transactional
    public List<AuditEvent> auditSince(long afterId) {
        return audit.list("id > ?1 order by id", afterId);
    }

    @Transactional
    public long lastAuditId() {
        return audit.find("order by id desc")
                .firstResultOptional()
                .map(event -> event.id)
                .orElse(0L);
    }
}
