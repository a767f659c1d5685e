package dz.libertaphonix.scheduler.runs.live;

import static dz.libertaphonix.scheduler.runs.live.LiveStateRedis.call;
import static dz.libertaphonix.scheduler.runs.live.LiveStateRedis.runKey;
import static dz.libertaphonix.scheduler.runs.live.LiveStateRedis.stateKey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.UnitResult;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the jobs' live state from Redis (written by {@link LiveStateWriter}): what the status
 * endpoint shows without touching PostgreSQL, and what a holder that could not reach the ledger
 * reported of its run's end.
 */
@ApplicationScoped
public class LiveStateReader {

    private final RedisDataSource redis;
    private final ObjectMapper json;

    public LiveStateReader(RedisDataSource redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /** The job's live state: its run in progress, if any, and its last run. */
    public JobLiveState read(JobId job) {
        Map<String, String> state = call("reading the live state of " + job, () -> redis.hash(String.class)
                .hgetall(stateKey(job)));
        JobLiveState.CurrentRun current = null;
        String currentId = state.get(LiveStateRedis.CURRENT_RUN_ID);
        if (currentId != null) {
            Map<String, String> run = call("reading the live state of " + job, () -> redis.hash(String.class)
                    .hgetall(runKey(UUID.fromString(currentId))));
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

    /** The current run id recorded in the job's state hash, if any (cleanup). */
    public UUID currentRunId(JobId job) {
        String id = call("reading the current run of " + job, () -> redis.hash(String.class)
                .hget(stateKey(job), LiveStateRedis.CURRENT_RUN_ID));
        return id == null ? null : UUID.fromString(id);
    }

    private static Map<String, JobLiveState.Progress> progress(Map<String, String> run) {
        Map<String, JobLiveState.Progress> progress = new LinkedHashMap<>();
        run.forEach((field, value) -> {
            if (field.startsWith(LiveStateRedis.PROGRESS)) {
                String[] parts = value.split("/", 2);
                progress.put(
                        field.substring(LiveStateRedis.PROGRESS.length()),
                        new JobLiveState.Progress(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
            }
        });
        return progress;
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
}
