package dz.libertaphonix.scheduler.cleanup;

import dz.libertaphonix.scheduler.runs.ErrorSummary;
import dz.libertaphonix.scheduler.runs.JobContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * ANALYZE, and VACUUM where it can run, on the tables the jobs write. VACUUM refuses to run inside a
 * transaction block, so it only runs on an autocommit connection; otherwise the table is analysed only.
 */
@ApplicationScoped
public class TableMaintenance {

    private static final Logger LOG = Logger.getLogger(TableMaintenance.class);

    /** Table names come from configuration and are spliced into SQL: only plain identifiers pass. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final AgroalDataSource dataSource;

    public TableMaintenance(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<CleanupReport.Maintenance> maintain(List<String> tables, boolean vacuum, JobContext context)
            throws SQLException {
        List<CleanupReport.Maintenance> report = new ArrayList<>();
        if (context.dryRun()) {
            // ANALYZE and VACUUM change no row, but they are the run's work on the database: a dry run names them
            List<String> names = tables.stream().map(String::trim).toList();
            context.wouldDo().would("tables.maintain", names.size(), names);
            names.forEach(name -> report.add(new CleanupReport.Maintenance(name, "none (dry run)", null)));
            return report;
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean canVacuum = vacuum && connection.getAutoCommit();
            for (String table : tables) {
                if (context.deadlineReached()) {
                    break;
                }
                String name = table.trim();
                if (!IDENTIFIER.matcher(name).matches()) {
                    report.add(new CleanupReport.Maintenance(name, "none", "not a plain table name"));
                    continue;
                }
                String operation = canVacuum ? "VACUUM (ANALYZE)" : "ANALYZE";
                try (Statement statement = connection.createStatement()) {
                    statement.execute(operation + " " + name);
                    report.add(new CleanupReport.Maintenance(name, operation, null));
                } catch (SQLException e) {
                    LOG.warnf("%s %s failed: %s", operation, name, ErrorSummary.oneLine(e));
                    report.add(new CleanupReport.Maintenance(name, operation, ErrorSummary.oneLine(e)));
                }
            }
        }
        return report;
    }
}
