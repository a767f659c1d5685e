package dz.libertaphonix.scheduler.operations;

import dz.libertaphonix.scheduler.operations.OperationsSummary.StoreHealth;
import dz.libertaphonix.scheduler.operations.OperationsSummary.StoreRun;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One health row per store: its figures of today, its credentials, and its part of the last import runs. */
@ApplicationScoped
public class StoreHealthReader {

    /** Import runs shown in a store's strip of recent results. */
    static final int RECENT_RUNS = 12;

    List<StoreHealth> read(Sql sql, Instant dayStart, Instant staleBefore) throws SQLException {
        Map<Long, List<StoreRun>> recent = new HashMap<>();
        // the stores' parts of the last finished import runs, read from the results each run stored
        sql.each(
                """
                select (s ->> 'storeId')::bigint, r.id, r.started_at, s ->> 'status',
                       coalesce((s ->> 'imported')::bigint, 0), s ->> 'error'
                  from (select id, started_at, results from job_runs
                         where job_id = 'ecomanager-sync' and status <> 'RUNNING' and jsonb_typeof(results -> 'stores') = 'array'
                         order by started_at desc limit ?) r,
                       jsonb_array_elements(r.results -> 'stores') s
                 order by r.started_at desc
                """,
                row -> recent.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                        .add(new StoreRun(
                                Sql.uuid(row, 2),
                                Sql.time(row, 3),
                                row.getString(4),
                                row.getLong(5),
                                row.getString(6))),
                RECENT_RUNS);
        return sql.list(
                """
                select s.id, s.identifier, s.name, s.active, s.credential_state, s.credential_error,
                       s.import_cursor, s.last_import_at, s.created_at,
                       (select count(*) from orders o where o.store_id = s.id and o.imported_at >= ?),
                       (select count(*) from quarantined_orders q where q.store_id = s.id and q.resolved_at is null)
                  from stores s
                 order by s.active desc, s.identifier
                """,
                row -> {
                    long id = row.getLong(1);
                    List<StoreRun> runs = recent.getOrDefault(id, List.of());
                    OffsetDateTime lastImport = Sql.time(row, 8);
                    OffsetDateTime since = lastImport != null ? lastImport : Sql.time(row, 9);
                    List<String> attention = new ArrayList<>();
                    if ("REJECTED".equals(row.getString(5))) {
                        attention.add("CREDENTIALS_REJECTED");
                    }
                    if (!runs.isEmpty() && "FAILED".equals(runs.getFirst().status())) {
                        attention.add("FAILING");
                    }
                    if (row.getBoolean(4)
                            && staleBefore != null
                            && since.toInstant().isBefore(staleBefore)) {
                        attention.add("NOT_IMPORTED");
                    }
                    return new StoreHealth(
                            id,
                            row.getString(2),
                            row.getString(3),
                            row.getBoolean(4),
                            row.getString(5),
                            row.getString(6),
                            row.getLong(7),
                            lastImport,
                            row.getLong(10),
                            row.getLong(11),
                            List.copyOf(attention),
                            List.copyOf(runs));
                },
                dayStart);
    }
}
