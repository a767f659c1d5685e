package dz.libertaphonix.scheduler.runs.live;

import static dz.libertaphonix.scheduler.runs.live.LiveStateRedis.call;
import static dz.libertaphonix.scheduler.runs.live.LiveStateRedis.runKey;
import static dz.libertaphonix.scheduler.runs.live.LiveStateRedis.stateKey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.RunsConfig;
import dz.libertaphonix.scheduler.runs.UnitResult;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the jobs' live state in Redis (the keys: {@link LiveStateRedis}), so the status endpoint
 * answers without touching PostgreSQL ({@link LiveStateReader} reads it). Every write is one Lua script that sets the fields and the TTL together, so no key ever exists
 * without a TTL.
 */
@ApplicationScoped
public class LiveStateWriter {

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

    public LiveStateWriter(RedisDataSource redis, RunsConfig config, ObjectMapper json) {
        this.redis = redis;
        this.config = config;
        this.json = json;
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
                        LiveStateRedis.CURRENT_RUN_ID,
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

    /**
     * A dry run started: only its own run key (progress), never the job's state, which is the real
     * runs' (its last run, its current run).
     */
    public void dryRunStarted(JobId job, UUID runId) {
        updateHash(runKey(runId), config.lockTtl().toMillis(), List.of(), List.of("job", job.id(), "dryRun", "true"));
    }

    /** A dry run ended: its run key goes. */
    public void dryRunEnded(UUID runId) {
        call("removing the key of dry run " + runId, () -> redis.key().del(runKey(runId)));
    }

    /** Progress of the running run ({@code stores 2/5}); a no-op once the run key is gone. */
    public void progress(UUID runId, String unit, long done, long total) {
        call(
                "recording the progress of run " + runId,
                () -> redis.execute(
                        "EVAL", SET_IF_EXISTS, "1", runKey(runId), LiveStateRedis.PROGRESS + unit, done + "/" + total));
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
}
