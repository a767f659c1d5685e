package dz.libertaphonix.scheduler.shipping;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * What one Maystro account's part of a run did; serialised into the run ledger.
 *
 * @param openOrders open orders still unmatched when the account's turn came
 * @param checked open orders matched to one of this account's parcels
 * @param changed checked orders written (each with an {@code order_status_events} row)
 * @param changedByStatus changed orders by new order status; courier-only changes under
 *     {@code SHIPPING_ONLY}
 * @param unchanged checked orders that already showed their parcel's state
 * @param notFound open orders this account's complete walk (or successful lookups) did not find
 * @param notChecked open orders not covered: failed pages or lookups, page cap, deadline, rejected key
 * @param ambiguous parcels whose reference several orders share with nothing to tell them apart
 * @param unknownCodes parcels with a status code outside the catalogue, by code
 * @param conflicts changes not written because the order kept changing underneath
 * @param failed pages or lookups that failed after their retries
 * @param requests HTTP requests made for this account, retries included
 * @param mostInFlight the most pages (or lookups) requested at the same time
 * @param stoppedBecause why the walk ended (ALL_FOUND, OLDER_THAN_OPEN_ORDERS, END_OF_LIST, PAGE_CAP,
 *     DEADLINE, CREDENTIALS_REJECTED, LOOKUPS_DONE, NOTHING_OPEN)
 * @param error the failure that stopped or marred this account, if any
 */
@RegisterForReflection
public record AccountSyncResult(
        String account,
        SyncStrategy strategy,
        String strategyReason,
        long openOrders,
        long checked,
        long changed,
        Map<String, Long> changedByStatus,
        long unchanged,
        long notFound,
        long notChecked,
        long ambiguous,
        Map<String, Long> unknownCodes,
        long conflicts,
        long failed,
        long requests,
        int mostInFlight,
        long durationMs,
        String stoppedBecause,
        String error) {

    /** True when the account's part gave a full answer: no failure, nothing left unchecked. */
    public boolean complete() {
        return error == null && failed == 0 && notChecked == 0 && conflicts == 0;
    }
}
