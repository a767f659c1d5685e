package dz.libertaphonix.scheduler.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Migrates the database on demand. Deployed functions never migrate at cold start; the jobs
 * artifact's {@code migrate} function calls this once per deployment.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);

    private final Flyway flyway;

    public SchemaMigration(Flyway flyway) {
        this.flyway = flyway;
    }

    public Result migrate() {
        MigrateResult result = flyway.migrate();
        List<String> applied = result.migrations.stream()
                .map(migration -> migration.version + " " + migration.description)
                .toList();
        String current = flyway.info().current() == null
                ? null
                : flyway.info().current().getVersion().getVersion();
        LOG.infof("schema migrated: %d applied, now at version %s", applied.size(), current);
        return new Result(current, applied, pending());
    }

    /** Migrations known to the code but not yet applied to the database. */
    public List<String> pending() {
        return Arrays.stream(flyway.info().pending())
                .map(info -> info.getVersion().getVersion() + " " + info.getDescription())
                .toList();
    }

    public record Result(String schemaVersion, List<String> applied, List<String> pending) {}
}
