package dz.libertaphonix.scheduler.runs.missed;

import dz.libertaphonix.scheduler.common.outage.Outages;
import dz.libertaphonix.scheduler.runs.JobId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A job's missed fires, as the admin reads them: the fire times its schedule implied (as it stood at
 * each moment: its cron, its zone, enabled or not) with no run near them ({@link MissedFireRule}). A
 * fire is only called missed once its {@code tolerance} has passed, so the last minutes are never in.
 */
@ApplicationScoped
public class MissedRuns {

    private final ScheduleHistoryGateway history;
    private final MissedFireGateway ledger;
    private final MissedRunsConfig config;
    private final Clock clock;

    public MissedRuns(ScheduleHistoryGateway history, MissedFireGateway ledger, MissedRunsConfig config, Clock clock) {
        this.history = history;
        this.ledger = ledger;
        this.config = config;
        this.clock = clock;
    }

    /**
     * In short, for the status: how many fires were missed in the last 24 hours, and the last one missed
     * in the last 7 days (null if none).
     */
    public record Summary(int missedFires24h, Instant lastMissedFire) {}

    /**
     * The job's missed fires in {@code [from, until)}, in order.
     *
     * @throws dz.libertaphonix.scheduler.common.outage.DatabaseUnavailableException when PostgreSQL
     *     cannot be read
     */
    public List<Instant> missed(JobId job, Instant from, Instant until) {
        return evaluate(job, from, until).missed();
    }

    public Summary summary(JobId job) {
        Instant now = clock.instant();
        List<Instant> week = missed(job, now.minus(Duration.ofDays(7)), now);
        Instant dayAgo = now.minus(Duration.ofHours(24));
        int lastDay = (int) week.stream().filter(fire -> !fire.isBefore(dayAgo)).count();
        return new Summary(lastDay, week.isEmpty() ? null : week.get(week.size() - 1));
    }

    public MissedRunsConfig config() {
        return config;
    }

    MissedFireRule.Evaluation evaluate(JobId job, Instant from, Instant until) {
        Instant settled = clock.instant().minus(config.tolerance());
        Instant end = until.isAfter(settled) ? settled : until;
        if (!from.isBefore(end)) {
            return new MissedFireRule.Evaluation(List.of(), List.of());
        }
        return Outages.database("reading the missed fires of " + job, () -> {
            List<ScheduleSegment> segments = history.segments(job, from, end);
            List<MissedFireRule.RunStart> runs =
                    ledger.runStarts(job, from.minus(config.early()), end.plus(config.tolerance()));
            return MissedFireRule.evaluate(segments, runs, from, end, config.early(), config.tolerance());
        });
    }
}
