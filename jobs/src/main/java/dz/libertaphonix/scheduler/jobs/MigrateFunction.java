package dz.libertaphonix.scheduler.jobs;

import dz.libertaphonix.scheduler.common.SchemaMigration;
import io.quarkus.funqy.Funq;

/** Migrates the deployed database; invoked once per deployment (see template.yaml), never on a schedule. */
public class MigrateFunction {

    /** The function's name, as {@code QUARKUS_FUNQY_EXPORT} selects it. */
    static final String NAME = "migrate";

    private final SchemaMigration migration;

    public MigrateFunction(SchemaMigration migration) {
        this.migration = migration;
    }

    @Funq(NAME)
    public SchemaMigration.Result migrate() {
        return migration.migrate();
    }
}
