package dz.libertaphonix.scheduler.cleanup;

import java.util.List;

/**
 * What one cleanup did, stored as the run's results.
 *
 * @param purges rows deleted per table and retention rule
 * @param redis keys removed per key pattern
 * @param maintenance ANALYZE / VACUUM per table
 */
public record CleanupReport(List<Purge> purges, List<KeySweep> redis, List<Maintenance> maintenance) {

    /**
     * @param table the table
     * @param rule which rows ({@code finished runs}, {@code failed runs} ...)
     * @param olderThan the cutoff, ISO-8601
     * @param deleted rows deleted
     * @param batches statements (transactions) used
     * @param complete false when the deadline stopped it with rows left
     */
    public record Purge(String table, String rule, String olderThan, long deleted, int batches, boolean complete) {}

    /**
     * @param pattern {@code scheduler:<kind>:*}
     * @param withoutTtl keys found without a TTL and deleted
     * @param orphaned keys whose run is over, or whose job is unknown, removed
     */
    public record KeySweep(String pattern, long withoutTtl, long orphaned) {}

    /**
     * @param table the table
     * @param operation {@code VACUUM (ANALYZE)} or {@code ANALYZE}
     * @param error why it failed, or null
     */
    public record Maintenance(String table, String operation, String error) {}
}
