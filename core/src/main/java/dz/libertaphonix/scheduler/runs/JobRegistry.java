package dz.libertaphonix.scheduler.runs;

import io.quarkus.arc.InjectableBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a job by its id among every {@link Job} bean. The runner knows no job by name: a new job is a
 * new bean. When two beans claim the same id, a selected CDI alternative wins (a replacement job in a
 * test or a sandbox); two ordinary beans for one id is a wiring error, reported on the run.
 */
@ApplicationScoped
public class JobRegistry {

    private final BeanManager beans;
    private volatile Map<JobId, Resolution> resolved;

    /**
     * @param jobs not read: this injection point is what keeps every Job bean from being removed as
     *     unused at build time. It is not used for the lookup because CDI resolution of {@code
     *     Instance<Job>} drops every non-alternative job as soon as one alternative job is selected,
     *     whatever its id; the bean manager lists them all.
     */
    public JobRegistry(@Any Instance<Job> jobs, BeanManager beans) {
        this.beans = beans;
    }

    /** How a job id resolved: the job, or why there is none. */
    public record Resolution(Job job, String problem) {

        public Optional<Job> found() {
            return Optional.ofNullable(job);
        }
    }

    public Resolution resolve(JobId id) {
        Map<JobId, Resolution> map = resolved;
        if (map == null) {
            synchronized (this) {
                if (resolved == null) {
                    resolved = build();
                }
                map = resolved;
            }
        }
        return map.getOrDefault(id, new Resolution(null, "no job registered for " + id));
    }

    private Map<JobId, Resolution> build() {
        Map<JobId, List<Candidate>> byId = new EnumMap<>(JobId.class);
        for (Bean<?> bean : beans.getBeans(Job.class, Any.Literal.INSTANCE)) {
            if (!enabled(bean)) {
                continue;
            }
            Job job = (Job) beans.getReference(bean, Job.class, beans.createCreationalContext(bean));
            byId.computeIfAbsent(job.id(), id -> new ArrayList<>()).add(new Candidate(bean, job));
        }
        Map<JobId, Resolution> result = new EnumMap<>(JobId.class);
        byId.forEach((id, candidates) -> result.put(id, choose(id, candidates)));
        return result;
    }

    private record Candidate(Bean<?> bean, Job job) {}

    private static Resolution choose(JobId id, List<Candidate> candidates) {
        if (candidates.size() == 1) {
            return new Resolution(candidates.get(0).job(), null);
        }
        Optional<Candidate> alternative = candidates.stream()
                .filter(candidate -> candidate.bean().isAlternative())
                .max(Comparator.comparingInt(candidate -> priority(candidate.bean())));
        if (alternative.isPresent()) {
            return new Resolution(alternative.get().job(), null);
        }
        List<String> classes = candidates.stream()
                .map(candidate -> candidate.bean().getBeanClass().getSimpleName())
                .toList();
        return new Resolution(null, "more than one job registered for " + id + ": " + classes);
    }

    /** Only a selected alternative (one with a priority) replaces a job; ArC lists no other, but a CDI bean manager may. */
    private static boolean enabled(Bean<?> bean) {
        return !bean.isAlternative() || priority(bean) != null;
    }

    private static Integer priority(Bean<?> bean) {
        return bean instanceof InjectableBean<?> injectable ? injectable.getAlternativePriority() : null;
    }
}
