package dz.libertaphonix.scheduler.shipping;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The outcome of one shipping status sync, across accounts.
 *
 * @param openOrders orders followed this run
 * @param checked open orders matched to a parcel on some account
 * @param notFound open orders no account has, every account having been read completely
 * @param notChecked open orders left unmatched while some account was not read completely: they may
 *     be on a failed page, so they are not called "not found", let alone "unchanged"
 * @param deadlineReached the run stopped early to stay inside its time
 */
@RegisterForReflection
public record ShippingSyncReport(
        long openOrders,
        long checked,
        long changed,
        long unchanged,
        long notFound,
        long notChecked,
        long requests,
        boolean deadlineReached,
        List<AccountSyncResult> accounts) {

    public ShippingSyncReport {
        accounts = List.copyOf(accounts);
    }
}
