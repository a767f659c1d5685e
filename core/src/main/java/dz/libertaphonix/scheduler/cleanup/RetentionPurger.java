package dz.libertaphonix.scheduler.cleanup;

import dz.libertaphonix.scheduler.runs.JobContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes rows past their retention in bounded batches: each batch is one statement in its own short
 * transaction, so no lock is held for long and a deadline stops the purge between two batches.
 */
@ApplicationScoped
public class RetentionPurger {

    /** A retention rule: a table, a name for the report, and a statement deleting one batch. */
    public enum Rule {
        ACTIVITY_LOGS(
                "activity_logs",
                "entries",
                "delete from activity_logs where id in (select id from activity_logs"
                        + " where occurred_at < :cutoff order by occurred_at limit :batch)"),
        /*
         * A run still named by an order as its last change is kept: the cleanup never modifies an order,
         * and deleting the run would null the order's last_run_id.
         */
        FINISHED_RUNS(
                "job_runs",
                "finished runs",
                "delete from job_runs where id in (select r.id from job_runs r where r.started_at < :cutoff"
                        + " and r.status in ('SUCCEEDED', 'PARTIAL', 'SKIPPED', 'ABANDONED')"
                        + " and not exists (select 1 from orders o where o.last_run_id = r.id)"
                        + " order by r.started_at limit :batch)"),
        FAILED_RUNS(
                "job_runs",
                "failed runs",
                "delete from job_runs where id in (select r.id from job_runs r where r.started_at < :cutoff"
                        + " and r.status = 'FAILED'"
                        + " and not exists (select 1 from orders o where o.last_run_id = r.id)"
                        + " order by r.started_at limit :batch)"),
        AUDIT_EVENTS(
                "audit_events",
                "events",
                "delete from audit_events where id in (select id from audit_events"
                        + " where occurred_at < :cutoff order by occurred_at limit :batch)"),
        /* every accepted EcoManager delivery is a row (issue 13), Maystro's kept ones too */
        INBOUND_EVENTS(
                "inbound_events",
                "webhook deliveries",
                "delete from inbound_events where id in (select id from inbound_events"
                        + " where received_at < :cutoff order by received_at limit :batch)");

        private final String table;
        private final String description;
        private final String deleteBatch;

        Rule(String table, String description, String deleteBatch) {
            this.table = table;
            this.description = description;
            this.deleteBatch = deleteBatch;
        }

        public String table() {
            return table;
        }
    }

    private final EntityManager entityManager;

    public RetentionPurger(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Deletes the rule's rows older than {@code cutoff}, batch by batch, until none is left or the deadline. */
    public CleanupReport.Purge purge(Rule rule, Instant cutoff, int batchSize, JobContext context) {
        OffsetDateTime before = cutoff.atOffset(ZoneOffset.UTC);
        long deleted = 0;
        int batches = 0;
        boolean complete = false;
        while (!context.deadlineReached()) {
            int count = QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createNativeQuery(rule.deleteBatch)
                    .setParameter("cutoff", before)
                    .setParameter("batch", batchSize)
                    .executeUpdate());
            batches++;
            deleted += count;
            if (count < batchSize) {
                complete = true;
                break;
            }
        }
        return new CleanupReport.Purge(rule.table, rule.description, cutoff.toString(), deleted, batches, complete);
    }
}
