package dz.libertaphonix.scheduler.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Live state of the jobs in Redis, so the status endpoint answers without touching PostgreSQL.
 *
 * <ul>
 *   <li>{@code scheduler:state:<job>} — a hash: the run in progress ({@code current.*}) and the last
 *       run that executed ({@code last.*}: id, trigger, start, end, status, counts, error summary as
 *       JSON, and how each store or account ended as JSON). TTL {@code state-ttl}, renewed on every
 *       write.
 *   <li>{@code scheduler:run:<runId>} — a hash with the running run's progress. TTL = the lock TTL,
 *       renewed by the heartbeat, deleted when the run ends: a dead run's progress vanishes with its
 *       lock.
 * </ul>
 *
 * Every write is one Lua script that sets the fields and the TTL together, so no key ever exists
 * without a TTL.
 */
@ApplicationScoped
public class RunStateStore implements LiveStateReader {

    static final String STATE_PREFIX = "scheduler:state:";
    static final String RUN_PREFIX = "scheduler:run:";

    private static final String CURRENT_RUN_ID = "current.runId";
    private static final String PROGRESS = "progress.";

    /** KEYS[1] hash; ARGV[1] ttl ms; ARGV[2] n fields to delete; then n fields; then field/value pairs. */
    private static final String UPDATE_HASH = """
            local n = tonumber(ARGV[2])
            for i = 3, 2 + n do redis.call('hdel', KEYS[1], ARGV[i]) end
            for i = 3 + n, #ARGV, 2 do redis.call('hset', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('pexpire', KEYS[1], ARGV[1])
            return 1
            """;

    /**
     * KEYS[1] state, KEYS[2] run; ARGV[1] run id, ARGV[2] ttl ms, ARGV[3] 'force' or 'own'; then
     * last.* field/value pairs. Clears the current run if it is this one; writes last.* only if the last
     * run is this one (or 'force'), so a late ending never overwrites a newer run's state.
     */
    private static final String END_RUN = """
            if redis.call('hget', KEYS[1], 'current.runId') == ARGV[1] then
              redis.call('hdel', KEYS[1], 'current.runId', 'current.trigger', 'current.actor', 'current.startedAt')
            end
            local last = redis.call('hget', KEYS[1], 'last.runId')
            if ARGV[3] == 'force' or last == false or last == ARGV[1] then
              redis.call('hdel', KEYS[1], 'last.error', 'last.end', 'last.units')
              for i = 4, #ARGV, 2 do redis.call('hset', KEYS[1], ARGV[i], ARGV[i + 1]) end
            end
            if redis.call('exists', KEYS[1]) == 1 then redis.call('pexpire', KEYS[1], ARGV[2]) end
            redis.call('del', KEYS[2])
            return 1
            """;

    /** KEYS[1] run; ARGV[1] field, ARGV[2] value: never re-creates an expired run key (no TTL then). */
    private static final String SET_IF_EXISTS = """
            if redis.call('exists', KEYS[1]) == 1 then
              return redis.call('hset', KEYS[1], ARGV[1], ARGV[2])
            end
            return 0
            """;

    private final RedisDataSource redis;
    private final RunsConfig config;
    private final ObjectMapper json;

    public RunStateStore(RedisDataSource redis, RunsConfig config, ObjectMapper json) {
        this.redis = redis;
        this.config = config;
        this.json = json;
    }

    public static String stateKey(JobId job) {
        return STATE_PREFIX + job.id();
    }

    public static String runKey(UUID runId) {
        return RUN_PREFIX + runId;
    }

    /** A run started: it is the job's current run and its last run, with no end yet. */
    public void started(JobId job, UUID runId, RunTrigger trigger, String actor, Instant startedAt) {
        String id = runId.toString();
        String actorValue = actor == null ? "" : actor;
        updateHash(
                stateKey(job),
                config.stateTtl().toMillis(),
                List.of("last.end", "last.error", "last.counts", "last.units"),
                List.of(
                        CURRENT_RUN_ID,
                        id,
                        "current.trigger",
                        trigger.name(),
                        "current.actor",
                        actorValue,
                        "current.startedAt",
                        startedAt.toString(),
                        "last.runId",
                        id,
                        "last.trigger",
                        trigger.name(),
                        "last.start",
                        startedAt.toString(),
                        "last.status",
                        JobRunStatus.RUNNING.name()));
        updateHash(runKey(runId), config.lockTtl().toMillis(), List.of(), List.of("job", job.id()));
    }

    /** Progress of the running run ({@code stores 2/5}); a no-op once the run key is gone. */
    public void progress(UUID runId, String unit, long done, long total) {
        call(
                "recording the progress of run " + runId,
                () -> redis.execute("EVAL", SET_IF_EXISTS, "1", runKey(runId), PROGRESS + unit, done + "/" + total));
    }

    /** Keeps the running run's progress alive as long as its lock. */
    public void heartbeat(UUID runId) {
        call("renewing the live state of run " + runId, () -> redis.key().pexpire(runKey(runId), config.lockTtl()));
    }

    /** The run ended (or was abandoned): it is no longer current, and its outcome is the job's last. */
    public void ended(JobRun run) {
        ended(run, null);
    }

    /** As {@link #ended(JobRun)}, with how each of its stores or accounts ended (null: none reported). */
    public void ended(JobRun run, List<UnitResult> units) {
        endRun(run, units, false);
    }

    /** A run that ended without executing (no job registered): recorded as the job's last run. */
    public void endedWithoutStarting(JobRun run) {
        endRun(run, null, true);
    }

    private void endRun(JobRun run, List<UnitResult> units, boolean force) {
        List<String> args = new ArrayList<>();
        args.add(run.id.toString());
        args.add(Long.toString(config.stateTtl().toMillis()));
        args.add(force ? "force" : "own");
        addPair(args, "last.runId", run.id.toString());
        addPair(args, "last.trigger", run.trigger.name());
        addPair(args, "last.start", run.startedAt.toString());
        addPair(args, "last.end", run.endedAt == null ? null : run.endedAt.toString());
        addPair(args, "last.status", run.status.name());
        addPair(args, "last.counts", toJson(run.counts == null ? Map.of() : run.counts));
        addPair(args, "last.error", run.error == null ? null : toJson(run.error));
        addPair(args, "last.units", units == null ? null : toJson(units));
        List<String> command = new ArrayList<>(List.of(END_RUN, "2", stateKey(run.jobId), runKey(run.id)));
        command.addAll(args);
        call(
                "recording the end of run " + run.id + " in the live state",
                () -> redis.execute("EVAL", command.toArray(String[]::new)));
    }

    /** Clears a current-run pointer left by a run that is no longer running (cleanup). */
    public boolean clearCurrentIf(JobId job, UUID runId) {
        return call(
                                "clearing the current run of " + job,
                                () -> redis.execute("EVAL", """
                                if redis.call('hget', KEYS[1], 'current.runId') == ARGV[1] then
                                  return redis.call('hdel', KEYS[1], 'current.runId', 'current.trigger', 'current.actor', 'current.startedAt')
                                end
                                return 0
                                """, "1", stateKey(job), runId.toString()))
                        .toLong()
                > 0;
    }

    @Override
    public JobLiveState read(JobId job) {
        Map<String, String> state = call("reading the live state of " + job, () -> redis.hash(String.class)
                .hgetall(stateKey(job)));
        JobLiveState.CurrentRun current = null;
        String currentId = state.get(CURRENT_RUN_ID);
        if (currentId != null) {
            Map<String, String> run = call("reading the live state of " + job, () -> redis.hash(String.class)
                    .hgetall(RUN_PREFIX + currentId));
            // no run key: its holder stopped heartbeating, so it is not running any more
            if (!run.isEmpty()) {
                current = new JobLiveState.CurrentRun(
                        UUID.fromString(currentId),
                        RunTrigger.valueOf(state.get("current.trigger")),
                        blankToNull(state.get("current.actor")),
                        instant(state.get("current.startedAt")),
                        progress(run));
            }
        }
        String status = state.get("last.status");
        String lastRunId = state.get("last.runId");
        String lastTrigger = state.get("last.trigger");
        return new JobLiveState(
                job,
                current,
                lastRunId == null ? null : UUID.fromString(lastRunId),
                lastTrigger == null ? null : RunTrigger.valueOf(lastTrigger),
                instant(state.get("last.start")),
                instant(state.get("last.end")),
                status == null ? null : JobRunStatus.valueOf(status),
                counts(state.get("last.counts")),
                error(state.get("last.error")),
                units(state.get("last.units")));
    }

    /**
     * How the job's last run ended as the live state knows it, if it has ended there: a holder that
     * could not record its end in the ledger still writes it here, so the next run can tell that the
     * holder is gone (and when it stopped) without waiting for its lock or heartbeat to age.
     */
    public Optional<EndedRun> lastEnded(JobId job) {
        Map<String, String> state = call("reading the live state of " + job, () -> redis.hash(String.class)
                .hgetall(stateKey(job)));
        String runId = state.get("last.runId");
        String end = state.get("last.end");
        String status = state.get("last.status");
        if (runId == null || end == null || status == null) {
            return Optional.empty();
        }
        return Optional.of(new EndedRun(
                UUID.fromString(runId),
                instant(end),
                JobRunStatus.valueOf(status),
                counts(state.get("last.counts")),
                state.get("last.error")));
    }

    /** A run's end as the live state recorded it. */
    public record EndedRun(UUID runId, Instant endedAt, JobRunStatus status, Map<String, Long> counts, String error) {}

    /** The current run id recorded in the job's state hash, if any (cleanup). */
    public UUID currentRunId(JobId job) {
        String id = call("reading the current run of " + job, () -> redis.hash(String.class)
                .hget(stateKey(job), CURRENT_RUN_ID));
        return id == null ? null : UUID.fromString(id);
    }

    private static Map<String, JobLiveState.Progress> progress(Map<String, String> run) {
        Map<String, JobLiveState.Progress> progress = new LinkedHashMap<>();
        run.forEach((field, value) -> {
            if (field.startsWith(PROGRESS)) {
                String[] parts = value.split("/", 2);
                progress.put(
                        field.substring(PROGRESS.length()),
                        new JobLiveState.Progress(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
            }
        });
        return progress;
    }

    private void updateHash(String key, long ttlMillis, List<String> delete, List<String> pairs) {
        List<String> command = new ArrayList<>(List.of(UPDATE_HASH, "1", key, Long.toString(ttlMillis)));
        command.add(Integer.toString(delete.size()));
        command.addAll(delete);
        command.addAll(pairs);
        call("writing " + key, () -> redis.execute("EVAL", command.toArray(String[]::new)));
    }

    private static void addPair(List<String> args, String field, String value) {
        if (value != null) {
            args.add(field);
            args.add(value);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("live state is not serialisable", e);
        }
    }

    /** The error summary; a state written before summaries were kept as JSON holds one line. */
    private Map<String, String> error(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.startsWith("{")) {
            try {
                return json.readValue(value, new TypeReference<LinkedHashMap<String, String>>() {});
            } catch (JsonProcessingException e) {
                // fall through: shown as it is
            }
        }
        return Map.of("message", value);
    }

    private List<UnitResult> units(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return json.readValue(value, new TypeReference<List<UnitResult>>() {});
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private Map<String, Long> counts(String value) {
        if (value == null || value.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(value, new TypeReference<LinkedHashMap<String, Long>>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static Instant instant(String value) {
        return value == null || value.isBlank() ? null : Instant.parse(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static <T> T call(String doing, Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            throw new RunStateUnavailableException(doing, e);
        }
    }
}
