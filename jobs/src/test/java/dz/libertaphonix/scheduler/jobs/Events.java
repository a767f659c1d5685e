package dz.libertaphonix.scheduler.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Real EventBridge event JSON (test resources under {@code events/}), filled in per test. */
final class Events {

    private Events() {}

    static String scheduled(String eventId, String job, Instant time) {
        return fill("scheduled-event.json", Map.of("eventId", eventId, "job", job, "time", time.toString()));
    }

    static String syncRequested(String eventId, String job, UUID runId, String actor, Instant time) {
        return fill(
                "sync-requested.json",
                Map.of(
                        "eventId", eventId,
                        "job", job,
                        "runId", runId.toString(),
                        "actor", actor,
                        "time", time.toString()));
    }

    /** A SyncRequested of a dry run ({@code "dryRun": true}), as the api's {@code ?dryRun=true} sends it. */
    static String dryRunRequested(String eventId, String job, UUID runId, String actor, Instant time) {
        return fill(
                "sync-requested-dry-run.json",
                Map.of(
                        "eventId", eventId,
                        "job", job,
                        "runId", runId.toString(),
                        "actor", actor,
                        "time", time.toString()));
    }

    static String eventId() {
        return UUID.randomUUID().toString();
    }

    private static String fill(String resource, Map<String, String> values) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + resource)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                json = json.replace("${" + value.getKey() + "}", value.getValue());
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
