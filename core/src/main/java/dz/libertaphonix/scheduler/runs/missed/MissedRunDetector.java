package dz.libertaphonix.scheduler.runs.missed;

import dz.libertaphonix.scheduler.events.RunMissed;
import dz.libertaphonix.scheduler.runs.CatchUp;
import dz.libertaphonix.scheduler.runs.ErrorSummary;
import dz.libertaphonix.scheduler.runs.JobAlreadyRunningException;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobDescriptor;
import dz.libertaphonix.scheduler.runs.JobDispatcher;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.events.RunEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Finds the fires missed since the last look and tells them, once each: {@code RunMissed} published
 * for every fire recorded new in {@code missed_fires} (the row is the deduplication, so two runs ending
 * together publish each fire once), and the job's catch-up ({@link CatchUp}) started through the
 * {@link JobDispatcher} as one CATCH_UP run, never one per fire.
 *
 * <p>Nothing stays up to watch: the JobRunner calls this at the end of every run of every job (the
 * hourly import keeps it frequent), and the nightly cleanup calls it too.
 */
@ApplicationScoped
public class MissedRunDetector {

    private static final Logger LOG = Logger.getLogger(MissedRunDetector.class);

    /** The actor of a catch-up run in the ledger. */
    public static final String ACTOR = "scheduler (missed fire)";

    private final JobCatalog catalog;
    private final MissedRuns missedRuns;
    private final MissedFireGateway fires;
    private final RunEventPublisher events;
    private final Instance<JobDispatcher> dispatchers;
    private final Clock clock;

    public MissedRunDetector(
            JobCatalog catalog,
            MissedRuns missedRuns,
            MissedFireGateway fires,
            RunEventPublisher events,
            Instance<JobDispatcher> dispatchers,
            Clock clock) {
        this.catalog = catalog;
        this.missedRuns = missedRuns;
        this.fires = fires;
        this.events = events;
        this.dispatchers = dispatchers;
        this.clock = clock;
    }

    /**
     * What one detection found.
     *
     * @param job the job
     * @param newlyMissed fires recorded (and published) by this detection
     * @param catchUpRun the catch-up run it started, or null
     */
    public record Detected(String job, List<Instant> newlyMissed, UUID catchUpRun) {}

    /**
     * Looks at every job of the catalogue over the detection window.
     *
     * @throws dz.libertaphonix.scheduler.common.outage.DatabaseUnavailableException when PostgreSQL
     *     cannot be read or written
     */
    public List<Detected> detect() {
        Instant now = clock.instant();
        List<Detected> found = new ArrayList<>();
        for (JobDescriptor job : catalog.jobs()) {
            MissedFireRule.Evaluation evaluation =
                    missedRuns.evaluate(job.id(), now.minus(missedRuns.config().detectionWindow()), now);
            List<Instant> recorded = fires.record(job.id(), evaluation.missed(), now);
            if (recorded.isEmpty()) {
                continue;
            }
            for (Instant fire : recorded) {
                LOG.warnf("%s missed its fire of %s", job.id(), fire);
                events.publish(new RunMissed(job.id(), fire, now));
            }
            found.add(new Detected(job.id().id(), recorded, catchUp(job, evaluation, recorded)));
        }
        return found;
    }

    /** As {@link #detect()}, for the end of a run: a failure is logged, never the run's. */
    public void detectQuietly() {
        try {
            detect();
        } catch (RuntimeException e) {
            LOG.warnf("missed fires not looked for: %s", ErrorSummary.oneLine(e));
        }
    }

    /**
     * One CATCH_UP run when the job's policy asks for one and its latest fire is among those just
     * found missed, unless a run of the job started since (a manual run, a later catch-up).
     */
    private UUID catchUp(JobDescriptor job, MissedFireRule.Evaluation evaluation, List<Instant> recorded) {
        if (job.catchUp() == CatchUp.NEXT_RUN || !missedRuns.config().catchUp()) {
            return null;
        }
        List<Instant> all = evaluation.fires();
        Instant latest = all.get(all.size() - 1);
        if (!recorded.contains(latest) || fires.ranSince(job.id(), latest)) {
            return null;
        }
        if (!dispatchers.isResolvable()) {
            LOG.warnf("%s missed %s; no dispatcher in this application to catch up with", job.id(), latest);
            return null;
        }
        try {
            UUID runId = dispatchers.get().dispatch(job.id(), ACTOR, RunTrigger.CATCH_UP);
            fires.caughtUpBy(job.id(), latest, runId);
            LOG.infof("%s missed %s: catch-up run %s started (%s)", job.id(), latest, runId, job.catchUp());
            return runId;
        } catch (JobAlreadyRunningException running) {
            // a run is going on: it is the catch-up
            return null;
        } catch (RuntimeException e) {
            LOG.warnf("%s missed %s; the catch-up run could not be started: %s", job.id(), latest, e.getMessage());
            return null;
        }
    }
}
