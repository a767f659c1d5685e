package dz.libertaphonix.scheduler.analytics;

import dz.libertaphonix.scheduler.common.Algiers;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sync performance over the last days, per job: success rate, median and p95 duration, and the
 * orders imported or updated per Algiers day. Computed by PostgreSQL from the run ledger (skipped
 * runs excluded: they did no work).
 */
@ApplicationScoped
public class RunAnalytics {

    private final EntityManager em;
    private final Clock clock;
    private final JobCatalog catalog;

    public RunAnalytics(EntityManager em, Clock clock, JobCatalog catalog) {
        this.em = em;
        this.clock = clock;
        this.catalog = catalog;
    }

    public record Day(LocalDate day, long runs, long succeeded, long failed, long imported, long updated) {}

    public record JobAnalytics(
            String job,
            long runs,
            long succeeded,
            long partial,
            long failed,
            Double successRate,
            Long medianDurationMs,
            Long p95DurationMs,
            long imported,
            long updated,
            List<Day> days) {}

    public record Report(int days, Instant from, Instant to, List<JobAnalytics> jobs) {}

    @Transactional
    public Report lastDays(int days) {
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("days must be between 1 and 366");
        }
        Instant to = clock.instant();
        LocalDate today = LocalDate.ofInstant(to, Algiers.ZONE);
        LocalDate firstDay = today.minusDays(days - 1L);
        Instant from = firstDay.atStartOfDay(Algiers.ZONE).toInstant();

        Map<String, JobAnalytics> totals = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> summary = em.createNativeQuery("""
                        select job_id,
                               count(*),
                               count(*) filter (where status = 'SUCCEEDED'),
                               count(*) filter (where status = 'PARTIAL'),
                               count(*) filter (where status in ('FAILED', 'ABANDONED')),
                               percentile_cont(0.5) within group (order by extract(epoch from ended_at - started_at) * 1000),
                               percentile_cont(0.95) within group (order by extract(epoch from ended_at - started_at) * 1000),
                               coalesce(sum((counts ->> 'imported')::bigint), 0),
                               coalesce(sum(coalesce((counts ->> 'changed')::bigint, (counts ->> 'updated')::bigint)), 0)
                          from job_runs
                         where started_at >= ?1 and started_at < ?2
                           and status not in ('SKIPPED', 'RUNNING')
                           and trigger <> 'DRY_RUN'
                         group by job_id
                        """)
                .setParameter(1, from)
                .setParameter(2, to)
                .getResultList();
        Map<String, Object[]> byJob = new LinkedHashMap<>();
        for (Object[] row : summary) {
            byJob.put((String) row[0], row);
        }

        Map<String, Map<LocalDate, Day>> perDay = perDay(from, to);
        for (JobId job : catalog.ids()) {
            Object[] row = byJob.get(job.id());
            long runs = row == null ? 0 : number(row[1]);
            long succeeded = row == null ? 0 : number(row[2]);
            List<Day> series = new ArrayList<>();
            Map<LocalDate, Day> known = perDay.getOrDefault(job.id(), Map.of());
            for (LocalDate day = firstDay; !day.isAfter(today); day = day.plusDays(1)) {
                series.add(known.getOrDefault(day, new Day(day, 0, 0, 0, 0, 0)));
            }
            totals.put(
                    job.id(),
                    new JobAnalytics(
                            job.id(),
                            runs,
                            succeeded,
                            row == null ? 0 : number(row[3]),
                            row == null ? 0 : number(row[4]),
                            runs == 0 ? null : (double) succeeded / runs,
                            row == null ? null : millis(row[5]),
                            row == null ? null : millis(row[6]),
                            row == null ? 0 : number(row[7]),
                            row == null ? 0 : number(row[8]),
                            series));
        }
        return new Report(days, from, to, List.copyOf(totals.values()));
    }

    private Map<String, Map<LocalDate, Day>> perDay(Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select job_id,
                               (started_at at time zone 'Africa/Algiers')::date as day,
                               count(*),
                               count(*) filter (where status = 'SUCCEEDED'),
                               count(*) filter (where status in ('FAILED', 'ABANDONED')),
                               coalesce(sum((counts ->> 'imported')::bigint), 0),
                               coalesce(sum(coalesce((counts ->> 'changed')::bigint, (counts ->> 'updated')::bigint)), 0)
                          from job_runs
                         where started_at >= ?1 and started_at < ?2
                           and status not in ('SKIPPED', 'RUNNING')
                           and trigger <> 'DRY_RUN'
                         group by job_id, day
                        """)
                .setParameter(1, from)
                .setParameter(2, to)
                .getResultList();
        Map<String, Map<LocalDate, Day>> result = new LinkedHashMap<>();
        for (Object[] row : rows) {
            LocalDate day = row[1] instanceof Date date ? date.toLocalDate() : (LocalDate) row[1];
            result.computeIfAbsent((String) row[0], key -> new LinkedHashMap<>())
                    .put(
                            day,
                            new Day(
                                    day,
                                    number(row[2]),
                                    number(row[3]),
                                    number(row[4]),
                                    number(row[5]),
                                    number(row[6])));
        }
        return result;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Long millis(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal.longValue() : Math.round(((Number) value).doubleValue());
    }
}
