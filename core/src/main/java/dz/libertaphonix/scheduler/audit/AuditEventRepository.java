package dz.libertaphonix.scheduler.audit;

import dz.libertaphonix.scheduler.common.Page;
import dz.libertaphonix.scheduler.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class AuditEventRepository implements PanacheRepository<AuditEvent> {

    /** Matching events, newest first. */
    public Page<AuditEvent> search(AuditQuery query, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (query.userId() != null) {
            where.add("userId = :userId");
            parameters.and("userId", query.userId());
        }
        if (query.email() != null) {
            where.add("lower(email) = lower(:email)");
            parameters.and("email", query.email());
        }
        if (query.action() != null) {
            where.add("action = :action");
            parameters.and("action", query.action());
        }
        if (query.target() != null) {
            where.add("target = :target");
            parameters.and("target", query.target());
        }
        if (query.outcome() != null) {
            where.add("outcome = :outcome");
            parameters.and("outcome", query.outcome());
        }
        if (query.from() != null) {
            where.add("occurredAt >= :from");
            parameters.and("from", query.from());
        }
        if (query.to() != null) {
            where.add("occurredAt < :to");
            parameters.and("to", query.to());
        }
        Sort newestFirst = Sort.descending("occurredAt", "id");
        PanacheQuery<AuditEvent> found =
                where.isEmpty() ? findAll(newestFirst) : find(String.join(" and ", where), newestFirst, parameters);
        List<AuditEvent> items = found.page(page.index(), page.size()).list();
        return new Page<>(items, page.page(), page.size(), found.count());
    }
}
