package dz.libertaphonix.scheduler.agents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * The transaction boundary of a grouped assignment pass ({@link AssignmentCoalescer}): the same
 * {@code @Transactional} interceptor the un-grouped {@code assign} had, so that a pass commits, rolls
 * back and reports failures as before.
 */
@ApplicationScoped
public class AssignmentTransaction {

    /** Runs {@code work} in a transaction, joining the caller's if it has one (it has not: see the caller). */
    @Transactional
    public <T> T run(Supplier<T> work) {
        return work.get();
    }
}
