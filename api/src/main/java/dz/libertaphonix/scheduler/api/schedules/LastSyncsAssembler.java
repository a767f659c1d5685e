package dz.libertaphonix.scheduler.api.schedules;

import dz.libertaphonix.scheduler.api.http.ApiTime;
import dz.libertaphonix.scheduler.api.schedules.StatusView.CleanupSync;
import dz.libertaphonix.scheduler.api.schedules.StatusView.EcoManagerSync;
import dz.libertaphonix.scheduler.api.schedules.StatusView.LastError;
import dz.libertaphonix.scheduler.api.schedules.StatusView.ShippingResults;
import dz.libertaphonix.scheduler.api.schedules.StatusView.ShippingSync;
import dz.libertaphonix.scheduler.api.schedules.StatusView.StoreResult;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.UnitResult;
import dz.libertaphonix.scheduler.runs.live.JobLiveState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code lastSyncs} of {@code /status} in the shapes the order system's admin page reads
 * ({@code frontend/src/app/admin/scheduler/page.tsx} of the system this replaces), derived from the
 * jobs' live state:
 *
 * <ul>
 *   <li>{@code ecomanager.lastResults}: {@code {<store identifier>: {success, syncedCount, error?}}}
 *       from the last import run's stores;
 *   <li>{@code shippingStatus.lastResults}: {@code {updated, errors}} from the last shipping run's
 *       counts ({@code changed}; {@code notChecked} + {@code conflicts});
 *   <li>every {@code lastError}: {@code {error, status, timestamp}} or null.
 * </ul>
 */
final class LastSyncsAssembler {

    private LastSyncsAssembler() {}

    static EcoManagerSync ecomanager(JobLiveState live) {
        if (live == null) {
            return new EcoManagerSync(null, null, null, null);
        }
        Map<String, StoreResult> results = null;
        if (ended(live) && live.lastUnits() != null) {
            results = new LinkedHashMap<>();
            for (UnitResult store : live.lastUnits()) {
                results.put(
                        store.unit(),
                        new StoreResult(store.succeeded(), store.count(), store.succeeded() ? null : store.error()));
            }
        }
        return new EcoManagerSync(
                ApiTime.algiers(live.lastStart()), ApiTime.algiers(live.lastEnd()), results, lastError(live));
    }

    static ShippingSync shipping(JobLiveState live) {
        if (live == null) {
            return new ShippingSync(null, null, null, null);
        }
        Map<String, Long> counts = live.lastCounts();
        ShippingResults results = ended(live) && counts != null && counts.containsKey("changed")
                ? new ShippingResults(
                        counts.get("changed"),
                        counts.getOrDefault("notChecked", 0L) + counts.getOrDefault("conflicts", 0L))
                : null;
        return new ShippingSync(
                ApiTime.algiers(live.lastStart()), ApiTime.algiers(live.lastEnd()), results, lastError(live));
    }

    static CleanupSync cleanup(JobLiveState live) {
        if (live == null) {
            return new CleanupSync(null, null);
        }
        return new CleanupSync(ApiTime.algiers(live.lastStart()), lastError(live));
    }

    private static boolean ended(JobLiveState live) {
        return live.lastStatus() != null && live.lastStatus() != JobRunStatus.RUNNING;
    }

    private static LastError lastError(JobLiveState live) {
        Map<String, String> error = live.lastError();
        if (error == null) {
            return null;
        }
        String message = error.get("message");
        if (message == null || message.isBlank()) {
            message = error.getOrDefault("class", "the run failed");
        }
        return new LastError(
                message,
                live.lastStatus() == null ? null : live.lastStatus().name(),
                ApiTime.algiers(live.lastEnd() != null ? live.lastEnd() : live.lastStart()));
    }
}
