package dz.libertaphonix.scheduler.shipping;

import dz.libertaphonix.scheduler.maystro.MaystroCredentials;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.shipping.matching.OpenOrderCriteria;
import dz.libertaphonix.scheduler.shipping.matching.OpenOrderGateway;

/**
 * An account's turn in a run: the account, and what the run shares between its accounts.
 *
 * @param snapshot the run's open orders, counted once before the first account
 * @param criteria the run's open orders, bounded by the snapshot's id range
 * @param found the open orders matched so far, by any account
 * @param strategy how to fetch the parcels (AUTO chooses per account)
 */
record AccountTurn(
        MaystroCredentials account,
        OpenOrderGateway.Snapshot snapshot,
        OpenOrderCriteria criteria,
        FoundOrders found,
        JobContext context,
        SyncStrategy strategy) {

    String name() {
        return account.name();
    }
}
