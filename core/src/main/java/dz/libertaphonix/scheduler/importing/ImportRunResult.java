package dz.libertaphonix.scheduler.importing;

import java.util.List;

/**
 * The per-store detail of an {@code ecomanager-sync} run, stored in the ledger's {@code results}.
 *
 * @param backlogAssigned orders from earlier runs that found an agent at the start of this run
 * @param unassignedBacklog orders still waiting for an agent when the run ended; -1 when the database
 *     could not be asked
 */
public record ImportRunResult(
        List<StoreImportResult> stores, long backlogAssigned, long unassignedBacklog, boolean deadlineReached) {}
