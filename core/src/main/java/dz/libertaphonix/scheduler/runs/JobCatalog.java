package dz.libertaphonix.scheduler.runs;

import io.quarkus.arc.InjectableBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The jobs the scheduler runs: every {@link Job} bean, with its {@link JobDescriptor}. The runner,
 * the admin API, the status, the dashboard and the job functions list and find jobs here and nowhere
 * else: a new job is a new bean.
 *
 * <p>When two beans claim the same id, a selected CDI alternative wins (a replacement job in a test
 * or a sandbox); two ordinary beans for one id is a wiring error, reported on the job's runs. Two jobs
 * claiming the same name (id, legacy name or trigger alias) make the catalogue unusable, loudly.
 */
@ApplicationScoped
public class JobCatalog {

    private final BeanManager beans;
    private volatile Index index;

    /**
     * @param jobs not read: this injection point is what keeps every Job bean from being removed as
     *     unused at build time. It is not used for the lookup because CDI resolution of {@code
     *     Instance<Job>} drops every non-alternative job as soon as one alternative job is selected,
     *     whatever its id; the bean manager lists them all.
     */
    public JobCatalog(@Any Instance<Job> jobs, BeanManager beans) {
        this.beans = beans;
    }

    /** How a job id resolved: the job, or why there is none. */
    public record Resolution(Job job, String problem) {

        public Optional<Job> found() {
            return Optional.ofNullable(job);
        }
    }

    /** Every job, in catalogue order. */
    public List<JobDescriptor> jobs() {
        return index().ordered();
    }

    /** Every job's id, in catalogue order. */
    public List<JobId> ids() {
        return index().ordered().stream().map(JobDescriptor::id).toList();
    }

    public boolean contains(JobId id) {
        return index().byId().containsKey(id);
    }

    public Optional<JobDescriptor> descriptor(JobId id) {
        return Optional.ofNullable(index().byId().get(id));
    }

    /**
     * The job's name in the original API; for a job the catalogue no longer has (its old runs in the
     * ledger), the default form: its id with underscores.
     */
    public String legacyName(JobId id) {
        return descriptor(id).map(JobDescriptor::legacyName).orElseGet(() -> id.id()
                .replace('-', '_'));
    }

    /** A job by its id or its legacy name ({@code ecomanager-sync}, {@code ecomanager_sync}). */
    public Optional<JobDescriptor> find(String name) {
        return name == null
                ? Optional.empty()
                : Optional.ofNullable(index().byName().get(name));
    }

    /**
     * As {@link #find(String)}.
     *
     * @throws UnknownJobException when no job has that name
     */
    public JobDescriptor require(String name) {
        return find(name).orElseThrow(() -> new UnknownJobException(name));
    }

    /**
     * A job as {@code POST /trigger/{job}} names it: its id, its legacy name or one of its trigger
     * aliases ({@code ecomanager}).
     *
     * @throws UnknownJobException when no job has that name
     */
    public JobDescriptor requireForTrigger(String name) {
        return findForTrigger(name).orElseThrow(() -> new UnknownJobException(name));
    }

    /** As {@link #requireForTrigger(String)}, empty when no job has that name. */
    public Optional<JobDescriptor> findForTrigger(String name) {
        return find(name)
                .or(() -> name == null
                        ? Optional.empty()
                        : Optional.ofNullable(index().byAlias().get(name)));
    }

    /** The bean that runs a job, or why there is none. */
    public Resolution resolve(JobId id) {
        return index().resolutions().getOrDefault(id, new Resolution(null, "no job registered for " + id));
    }

    private record Index(
            List<JobDescriptor> ordered,
            Map<JobId, JobDescriptor> byId,
            Map<String, JobDescriptor> byName,
            Map<String, JobDescriptor> byAlias,
            Map<JobId, Resolution> resolutions) {}

    private record Candidate(Bean<?> bean, Job job) {}

    private Index index() {
        Index current = index;
        if (current == null) {
            synchronized (this) {
                if (index == null) {
                    index = build();
                }
                current = index;
            }
        }
        return current;
    }

    private Index build() {
        Map<JobId, List<Candidate>> byId = new TreeMap<>();
        for (Bean<?> bean : beans.getBeans(Job.class, Any.Literal.INSTANCE)) {
            if (!enabled(bean)) {
                continue;
            }
            Job job = (Job) beans.getReference(bean, Job.class, beans.createCreationalContext(bean));
            byId.computeIfAbsent(job.id(), id -> new ArrayList<>()).add(new Candidate(bean, job));
        }
        Map<JobId, Resolution> resolutions = new HashMap<>();
        Map<JobId, JobDescriptor> descriptors = new LinkedHashMap<>();
        byId.forEach((id, candidates) -> {
            Resolution resolution = choose(id, candidates);
            resolutions.put(id, resolution);
            Job described = resolution.job() != null
                    ? resolution.job()
                    : candidates.get(0).job();
            descriptors.put(id, described.descriptor());
        });
        List<JobDescriptor> ordered = descriptors.values().stream()
                .sorted(Comparator.comparingInt(JobDescriptor::position).thenComparing(JobDescriptor::id))
                .toList();
        Map<String, JobDescriptor> byName = new HashMap<>();
        Map<String, JobDescriptor> byAlias = new HashMap<>();
        for (JobDescriptor job : ordered) {
            claim(byName, job.id().id(), job);
            claim(byName, job.legacyName(), job);
        }
        for (JobDescriptor job : ordered) {
            for (String alias : job.triggerAliases()) {
                if (byName.containsKey(alias)) {
                    throw conflict(alias, byName.get(alias), job);
                }
                claim(byAlias, alias, job);
            }
        }
        return new Index(ordered, Map.copyOf(descriptors), Map.copyOf(byName), Map.copyOf(byAlias), resolutions);
    }

    private static void claim(Map<String, JobDescriptor> names, String name, JobDescriptor job) {
        JobDescriptor other = names.putIfAbsent(name, job);
        if (other != null && !other.id().equals(job.id())) {
            throw conflict(name, other, job);
        }
    }

    private static IllegalStateException conflict(String name, JobDescriptor one, JobDescriptor other) {
        return new IllegalStateException(
                "the job name '" + name + "' is claimed by both " + one.id() + " and " + other.id());
    }

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
