package dz.libertaphonix.scheduler.api.admin;

import dz.libertaphonix.scheduler.runs.JobId;
import java.util.Locale;

/** Job names in paths: ids ({@code ecomanager-sync}), legacy names, and the trigger paths' short names. */
final class JobNames {

    private JobNames() {}

    /** {@code /jobs/{job}}: the id or the legacy name. */
    static JobId job(String name) {
        return JobId.parse(name).orElseThrow(() -> new UnknownJobException(name));
    }

    /** {@code /trigger/{name}}: {@code ecomanager}, {@code shipping}, {@code cleanup}, or an id. */
    static JobId trigger(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "ecomanager" -> JobId.ECOMANAGER_SYNC;
            case "shipping", "shipping-status", "shipping_status" -> JobId.SHIPPING_STATUS_SYNC;
            case "cleanup" -> JobId.DAILY_CLEANUP;
            default -> job(name);
        };
    }
}
