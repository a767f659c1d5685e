package dz.libertaphonix.scheduler.importing;

import dz.libertaphonix.scheduler.common.ActivityLevel;
import dz.libertaphonix.scheduler.common.ActivityLogger;
import dz.libertaphonix.scheduler.runs.JobContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** Tells how a store's import ended: one {@code import.store} activity entry and one log line. */
@ApplicationScoped
public class StoreImportLog {

    // the importer's category, which operators already filter on
    private static final Logger LOG = Logger.getLogger(StoreImporter.class);

    private final ActivityLogger activity;

    public StoreImportLog(ActivityLogger activity) {
        this.activity = activity;
    }

    void record(StoreImportResult result, JobContext context) {
        String summary = "Store " + result.store() + ": "
                + result.status().name().toLowerCase().replace('_', ' ')
                + "; fetched " + result.fetched() + ", imported " + result.imported()
                + (result.lateFound() > 0 ? " (" + result.lateFound() + " late)" : "")
                + ", duplicates " + result.duplicates() + ", skipped " + result.skipped()
                + ", quarantined " + result.quarantined() + ", assigned " + result.assigned()
                + ", unassigned " + result.unassigned() + "; " + result.requests() + " requests, "
                + result.durationMillis() + " ms"
                + (result.error() == null ? "" : " — " + result.error());
        ActivityLevel level =
                switch (result.status()) {
                    case SUCCEEDED -> result.unknownStates().isEmpty() ? ActivityLevel.INFO : ActivityLevel.WARN;
                    case PARTIAL, NOT_STARTED -> ActivityLevel.WARN;
                    case FAILED, CREDENTIALS_REJECTED -> ActivityLevel.ERROR;
                };
        if (!result.unknownStates().isEmpty()) {
            LOG.warnf(
                    "store %s: EcoManager sent unknown order states %s (kept raw, not imported)",
                    result.store(), result.unknownStates());
        }
        try {
            activity.log("import.store", level, summary, "store", result.store(), context.runId(), metadata(result));
        } catch (RuntimeException e) {
            // the import itself is committed; a lost log line must not turn it into a failure
            LOG.warnf("store %s: could not write the activity log: %s", result.store(), e.getMessage());
        }
        if (level == ActivityLevel.ERROR) {
            LOG.error(summary);
        } else {
            LOG.info(summary);
        }
    }

    private static Map<String, Object> metadata(StoreImportResult result) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("storeId", result.storeId());
        metadata.put("status", result.status().name());
        metadata.put("fetched", result.fetched());
        metadata.put("imported", result.imported());
        metadata.put("lateFound", result.lateFound());
        metadata.put("duplicates", result.duplicates());
        metadata.put("skipped", result.skipped());
        metadata.put("quarantined", result.quarantined());
        metadata.put("assigned", result.assigned());
        metadata.put("unassigned", result.unassigned());
        metadata.put("requests", result.requests());
        metadata.put("pages", result.pages());
        metadata.put("cursorBefore", result.cursorBefore());
        metadata.put("cursorAfter", result.cursorAfter());
        metadata.put("gapsOpen", result.gapsOpen());
        metadata.put("durationMillis", result.durationMillis());
        if (!result.unknownStates().isEmpty()) {
            metadata.put("unknownStates", result.unknownStates());
        }
        if (result.error() != null) {
            metadata.put("error", result.error());
        }
        return metadata;
    }
}
