package dz.libertaphonix.scheduler.shipping;

import dz.libertaphonix.scheduler.maystro.MaystroConfigurationException;
import dz.libertaphonix.scheduler.maystro.MaystroCredentials;
import dz.libertaphonix.scheduler.maystro.config.MaystroAccountsSetting;
import dz.libertaphonix.scheduler.runs.CatchUp;
import dz.libertaphonix.scheduler.runs.Job;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.runs.JobDescriptor;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.UnitResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code shipping-status-sync} job: every configured Maystro account, every open order.
 *
 * <p>SUCCEEDED when every account was read completely; PARTIAL when the deadline cut the run short or
 * some account left orders unchecked (failed pages, rejected key, page cap); FAILED when no account
 * could be read at all, or none is configured.
 */
@ApplicationScoped
public class ShippingStatusSyncJob implements Job {

    /** {@code /trigger/shipping} is the original API's path. */
    public static final JobDescriptor DESCRIPTOR = JobDescriptor.of(
                    "shipping-status-sync", "Maystro parcel tracking", 20)
            .withTriggerAliases("shipping")
            .withCatchUp(CatchUp.ONCE_NOW);

    public static final JobId ID = DESCRIPTOR.id();

    private final MaystroAccountsSetting accounts;
    private final ShippingStatusSync sync;

    public ShippingStatusSyncJob(MaystroAccountsSetting accounts, ShippingStatusSync sync) {
        this.accounts = accounts;
        this.sync = sync;
    }

    @Override
    public JobDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public JobResult execute(JobContext context) {
        List<MaystroCredentials> configured;
        try {
            configured = accounts.configured();
        } catch (MaystroConfigurationException e) {
            return new JobResult(JobRunStatus.FAILED, Map.of(), null, e.getMessage());
        }
        if (configured.isEmpty()) {
            return new JobResult(
                    JobRunStatus.FAILED,
                    Map.of(),
                    null,
                    "no Maystro account configured (set SCHEDULER_MAYSTRO_ACCOUNTS to name=key[,name=key...])");
        }
        ShippingSyncReport report = sync.run(configured, context);
        return result(report);
    }

    static JobResult result(ShippingSyncReport report) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("openOrders", report.openOrders());
        counts.put("checked", report.checked());
        counts.put("changed", report.changed());
        counts.put("unchanged", report.unchanged());
        counts.put("notFound", report.notFound());
        counts.put("notChecked", report.notChecked());
        counts.put("requests", report.requests());
        counts.put(
                "failedRequests",
                report.accounts().stream().mapToLong(AccountSyncResult::failed).sum());
        counts.put(
                "conflicts",
                report.accounts().stream()
                        .mapToLong(AccountSyncResult::conflicts)
                        .sum());
        counts.put(
                "ambiguous",
                report.accounts().stream()
                        .mapToLong(AccountSyncResult::ambiguous)
                        .sum());
        counts.put(
                "unknownCodes",
                report.accounts().stream()
                        .flatMap(a -> a.unknownCodes().values().stream())
                        .mapToLong(Long::longValue)
                        .sum());

        List<AccountSyncResult> troubled = report.accounts().stream()
                .filter(a -> !a.complete() && !ShippingStatusSync.NOTHING_OPEN.equals(a.stoppedBecause()))
                .toList();
        boolean nothingRead = report.openOrders() > 0
                && report.accounts().stream().allMatch(a -> a.error() != null && a.checked() == 0 && a.notFound() == 0);
        JobRunStatus status;
        if (nothingRead) {
            status = JobRunStatus.FAILED;
        } else if (report.deadlineReached() || !troubled.isEmpty()) {
            status = JobRunStatus.PARTIAL;
        } else {
            status = JobRunStatus.SUCCEEDED;
        }
        String message = null;
        if (status != JobRunStatus.SUCCEEDED) {
            StringBuilder text = new StringBuilder();
            if (report.deadlineReached()) {
                text.append("deadline reached; ");
            }
            for (AccountSyncResult account : troubled) {
                text.append(account.account())
                        .append(": ")
                        .append(account.error() != null ? account.error() : account.stoppedBecause())
                        .append("; ");
            }
            text.append(report.notChecked()).append(" open order(s) not checked");
            message = text.toString();
        }
        return new JobResult(
                status,
                counts,
                report,
                message,
                report.accounts().stream().map(ShippingStatusSyncJob::unit).toList());
    }

    /**
     * An account in short: it succeeded when it was read completely (or had nothing left to find);
     * its count is the orders it changed.
     */
    private static UnitResult unit(AccountSyncResult account) {
        boolean succeeded = account.complete() || ShippingStatusSync.NOTHING_OPEN.equals(account.stoppedBecause());
        String error = account.error();
        if (!succeeded && error == null) {
            error = account.notChecked() > 0
                    ? account.notChecked() + " open order(s) not checked (" + account.stoppedBecause() + ")"
                    : account.conflicts() + " change(s) not written: the order changed meanwhile";
        }
        return new UnitResult(account.account(), succeeded, account.changed(), error);
    }
}
