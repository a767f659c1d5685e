package dz.libertaphonix.scheduler.runs;

import java.util.List;
import java.util.stream.Collectors;

/** How a job that works store by store (the import, the sweep) ends, from its stores' results. */
public final class PerStoreRuns {

    private static final int NOTES_SHOWN = 5;
    private static final int MAX_MESSAGE = 500;

    private PerStoreRuns() {}

    /**
     * FAILED when every store failed; PARTIAL when one did, or one did not finish; else SUCCEEDED (a
     * run with no store succeeds).
     */
    public static JobRunStatus status(long failed, int stores, boolean incomplete) {
        if (stores > 0 && failed == stores) {
            return JobRunStatus.FAILED;
        }
        return failed > 0 || incomplete ? JobRunStatus.PARTIAL : JobRunStatus.SUCCEEDED;
    }

    /**
     * The run's message: how many stores failed, then the first notes ({@code "STORE: what
     * happened"} of each store that did not succeed), within 500 characters.
     */
    public static String message(long failed, int stores, List<String> notes) {
        String message = (failed == 0 ? "" : failed + " of " + stores + " stores failed; ")
                + notes.stream().limit(NOTES_SHOWN).collect(Collectors.joining("; "))
                + (notes.size() > NOTES_SHOWN ? "; …" : "");
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message;
    }
}
