package dz.libertaphonix.scheduler.runs.lock;

import java.util.UUID;

/**
 * Who holds a lock: the run id and the event id (empty for in-process triggers), read back from the
 * owner token {@code <runId>|<nonce>|<eventId>}.
 */
public record LockHolder(UUID runId, String eventId) {

    static String token(UUID runId, String eventId) {
        return runId + "|" + UUID.randomUUID() + "|" + (eventId == null ? "" : eventId);
    }

    public static LockHolder parse(String token) {
        String[] parts = token.split("\\|", 3);
        UUID runId;
        try {
            runId = UUID.fromString(parts[0]);
        } catch (IllegalArgumentException e) {
            return new LockHolder(null, null);
        }
        String eventId = parts.length == 3 && !parts[2].isEmpty() ? parts[2] : null;
        return new LockHolder(runId, eventId);
    }
}
