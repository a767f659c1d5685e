package dz.libertaphonix.scheduler.operations;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answer to "is everything fine?": what an operations lead reads at the top of the dashboard.
 * Every figure is computed by PostgreSQL from the tables the jobs write; "today" is the Algiers day.
 *
 * @param generatedAt when the figures were read
 * @param day today, in Algiers
 * @param orders orders imported today and in the last hour
 * @param waiting orders waiting for an agent, and why
 * @param parcels parcels that reached a final state today
 * @param stores one health row per store
 * @param accounts one health row per courier account
 * @param runs failed runs of the last 24 hours
 * @param schedules each job's schedule in words, in French and English
 */
public record OperationsSummary(
        OffsetDateTime generatedAt,
        LocalDate day,
        Orders orders,
        Waiting waiting,
        Parcels parcels,
        List<StoreHealth> stores,
        List<AccountHealth> accounts,
        Runs runs,
        List<ScheduleWords> schedules) {

    public record Orders(long importedToday, long importedLastHour) {}

    /**
     * @param orders orders with no agent, still PENDING
     * @param oldestImportedAt when the oldest of them was imported
     * @param cause {@code NO_AGENT_AVAILABLE} (no active, available agent), {@code CAPACITY_REACHED}
     *     (agents there, none with capacity left today), or null (nothing waits, or agents still have room:
     *     the next run assigns them)
     * @param availableAgents active and available agents
     * @param capacityLeft orders the available agents may still be given today
     */
    public record Waiting(
            long orders, OffsetDateTime oldestImportedAt, String cause, long availableAgents, long capacityLeft) {}

    /** Distinct orders whose status became DELIVERED, RETURNED or CANCELLED today (shipping sync or webhook). */
    public record Parcels(long deliveredToday, long returnedToday, long cancelledToday) {}

    /**
     * @param attention why a person should look: {@code CREDENTIALS_REJECTED}, {@code FAILING} (its
     *     part of the last import failed), {@code NOT_IMPORTED} (active, and no import for more than two
     *     scheduled runs of the import); empty when all is well
     * @param recent its part of the last import runs, newest first
     */
    public record StoreHealth(
            long id,
            String identifier,
            String name,
            boolean active,
            String credentialState,
            String credentialError,
            long cursor,
            OffsetDateTime lastImportAt,
            long importedToday,
            long quarantined,
            List<String> attention,
            List<StoreRun> recent) {}

    /** One store's part of one import run: its status, the orders it imported, what stopped it. */
    public record StoreRun(UUID runId, OffsetDateTime startedAt, String status, long imported, String error) {}

    /**
     * @param lastStatus {@code OK} or {@code FAILED}: how the account's part of the last shipping run ended
     * @param attention {@code CREDENTIALS_REJECTED}, {@code FAILING}; empty when all is well
     */
    public record AccountHealth(
            String name,
            String credentialState,
            String credentialError,
            OffsetDateTime checkedAt,
            String lastStatus,
            String lastError,
            List<String> attention) {}

    /**
     * @param failed24h runs that ended FAILED or ABANDONED in the last 24 hours
     * @param latestFailed the last five of them
     */
    public record Runs(long failed24h, long partial24h, List<FailedRun> latestFailed) {}

    public record FailedRun(UUID id, String job, String status, OffsetDateTime startedAt, String error) {}

    /** A job's schedule: cron, enabled, and the cron in words per language ({@code fr}, {@code en}). */
    public record ScheduleWords(String job, String cron, boolean enabled, Map<String, String> words) {}
}
