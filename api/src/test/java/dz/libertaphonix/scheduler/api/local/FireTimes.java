package dz.libertaphonix.scheduler.api.local;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * When a Quartz cron fires in a zone, computed as quarkus-scheduler computes it (cron-utils, Quartz
 * definition), from any instant: the test's fixed clock.
 */
final class FireTimes {

    private static final CronParser QUARTZ =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private FireTimes() {}

    /** The fire instants in {@code [from, to)}. */
    static List<Instant> between(String cron, String zone, Instant from, Instant to) {
        ExecutionTime execution = ExecutionTime.forCron(QUARTZ.parse(cron));
        List<Instant> fires = new ArrayList<>();
        // nextExecution is strictly after its argument: start just before "from" so "from" itself counts
        ZonedDateTime cursor = from.minusNanos(1).atZone(ZoneId.of(zone));
        while (true) {
            ZonedDateTime next = execution.nextExecution(cursor).orElseThrow();
            if (!next.toInstant().isBefore(to)) {
                return fires;
            }
            fires.add(next.toInstant());
            cursor = next;
        }
    }

    static Instant next(String cron, String zone, Instant after) {
        return ExecutionTime.forCron(QUARTZ.parse(cron))
                .nextExecution(after.atZone(ZoneId.of(zone)))
                .orElseThrow()
                .toInstant();
    }
}
