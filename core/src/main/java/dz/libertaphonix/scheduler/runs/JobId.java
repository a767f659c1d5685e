package dz.libertaphonix.scheduler.runs;

import java.util.Arrays;
import java.util.Optional;

/**
 * The jobs the scheduler runs. {@link #id()} is the stored and logged name; {@link #legacyName()} is
 * the name the order system's admin front end uses in {@code activeJobs}.
 */
public enum JobId {
    ECOMANAGER_SYNC("ecomanager-sync", "ecomanager_sync"),
    SHIPPING_STATUS_SYNC("shipping-status-sync", "shipping_status_sync"),
    DAILY_CLEANUP("daily-cleanup", "daily_cleanup");

    private final String id;
    private final String legacyName;

    JobId(String id, String legacyName) {
        this.id = id;
        this.legacyName = legacyName;
    }

    public String id() {
        return id;
    }

    public String legacyName() {
        return legacyName;
    }

    /** Accepts the stored id ({@code ecomanager-sync}) or the legacy name ({@code ecomanager_sync}). */
    public static Optional<JobId> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(job -> job.id.equals(value) || job.legacyName.equals(value))
                .findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
