package dz.libertaphonix.scheduler.runs.runner;

import dz.libertaphonix.scheduler.runs.ErrorSummary;
import dz.libertaphonix.scheduler.runs.ledger.RunRecorder;
import dz.libertaphonix.scheduler.runs.live.LiveStateWriter;
import dz.libertaphonix.scheduler.runs.live.RunStateUnavailableException;
import dz.libertaphonix.scheduler.runs.lock.Lease;
import dz.libertaphonix.scheduler.runs.lock.RunLock;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One running run's heartbeat: renews its lock and live state in Redis, then stamps the ledger. An
 * unreachable store is logged once when the beats start failing and once when they recover, not on
 * every beat of a long outage.
 */
final class RunHeartbeat implements Runnable {

    private static final Logger LOG = Logger.getLogger(RunHeartbeat.class);

    private final Lease lease;
    private final UUID runId;
    private final RunnerJobContext context;
    private final RunLock lock;
    private final LiveStateWriter state;
    private final RunRecorder ledger;
    private final Clock clock;
    private boolean redisFailing;
    private boolean ledgerFailing;

    RunHeartbeat(
            Lease lease,
            UUID runId,
            RunnerJobContext context,
            RunLock lock,
            LiveStateWriter state,
            RunRecorder ledger,
            Clock clock) {
        this.lease = lease;
        this.runId = runId;
        this.context = context;
        this.lock = lock;
        this.state = state;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public synchronized void run() {
        MDC.put(JobRunner.MDC_JOB, lease.job().id());
        MDC.put(JobRunner.MDC_RUN, runId.toString());
        try {
            // stamped before the renewal, so the ledger's heartbeat is never later than the lock's life
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            beatRedis();
            beatLedger(at);
        } finally {
            MDC.remove(JobRunner.MDC_RUN);
            MDC.remove(JobRunner.MDC_JOB);
        }
    }

    private void beatRedis() {
        try {
            if (!lock.renew(lease)) {
                context.lockLost();
                LOG.errorf("lost the lock of %s: stopping at the next checkpoint", lease.job());
            }
            state.heartbeat(runId);
            if (redisFailing) {
                redisFailing = false;
                LOG.infof("heartbeats reach Redis again");
            }
        } catch (RunStateUnavailableException e) {
            if (!redisFailing) {
                redisFailing = true;
                LOG.warnf("heartbeat could not renew the lock: %s", e.getMessage());
            }
        }
    }

    private void beatLedger(Instant at) {
        try {
            ledger.heartbeat(runId, at);
            if (ledgerFailing) {
                ledgerFailing = false;
                LOG.infof("heartbeats reach the ledger again");
            }
        } catch (RuntimeException e) {
            if (!ledgerFailing) {
                ledgerFailing = true;
                LOG.warnf("heartbeat could not stamp the ledger: %s", ErrorSummary.oneLine(e));
            }
        }
    }
}
