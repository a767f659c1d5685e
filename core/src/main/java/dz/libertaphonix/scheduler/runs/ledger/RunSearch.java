package dz.libertaphonix.scheduler.runs.ledger;

import dz.libertaphonix.scheduler.common.Page;
import dz.libertaphonix.scheduler.common.PageRequest;
import dz.libertaphonix.scheduler.common.outage.Outages;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The run ledger as the admin reads it: runs newest first, filtered and paged, and one run by id (the
 * runner's own reading and writing is {@link RunRecorder}).
 */
@ApplicationScoped
public class RunSearch {

    private final JobRunRepository runs;

    public RunSearch(JobRunRepository runs) {
        this.runs = runs;
    }

    /**
     * @throws dz.libertaphonix.scheduler.common.outage.DatabaseUnavailableException when the ledger
     *     cannot be read
     */
    public Page<JobRun> search(RunFilter filter, PageRequest page) {
        return Outages.database("reading the run history", () -> QuarkusTransaction.requiringNew()
                .call(() -> searchInTransaction(filter, page)));
    }

    private Page<JobRun> searchInTransaction(RunFilter filter, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.job() != null) {
            where.add("jobId = :job");
            parameters.and("job", filter.job());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.trigger() != null) {
            where.add("trigger = :trigger");
            parameters.and("trigger", filter.trigger());
        }
        if (filter.from() != null) {
            where.add("startedAt >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("startedAt < :to");
            parameters.and("to", filter.to());
        }
        // id breaks ties between runs started in the same instant, so pages never overlap
        Sort newestFirst = Sort.descending("startedAt", "id");
        PanacheQuery<JobRun> found = where.isEmpty()
                ? runs.findAll(newestFirst)
                : runs.find(String.join(" and ", where), newestFirst, parameters);
        List<JobRun> items = found.page(page.index(), page.size()).list();
        return new Page<>(items, page.page(), page.size(), found.count());
    }

    public Optional<JobRun> find(UUID id) {
        return Outages.database(
                "reading run " + id, () -> QuarkusTransaction.requiringNew().call(() -> runs.findByIdOptional(id)));
    }
}
