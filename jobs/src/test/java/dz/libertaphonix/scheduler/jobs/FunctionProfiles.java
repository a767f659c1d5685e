package dz.libertaphonix.scheduler.jobs;

import dz.libertaphonix.scheduler.testsupport.OutageServices;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/**
 * One profile per job's function: the job function ({@code quarkus.funqy.export=runJob}) with its job
 * ({@code scheduler.functions.job}), as template.yaml sets QUARKUS_FUNQY_EXPORT and SCHEDULER_JOB.
 */
final class FunctionProfiles {

    /** A 5-minute function timeout with a 30-second margin: the run's deadline is 4m30s after invocation. */
    static final Map<String, String> TIMEOUT = Map.of(
            "scheduler.functions.timeout", "5m",
            "scheduler.functions.safety-margin", "30s");

    private FunctionProfiles() {}

    public static class EcomanagerSync implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return with("ecomanager-sync");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ScriptedImportJob.class);
        }
    }

    public static class ShippingStatusSync implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return with("shipping-status-sync");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ScriptedShippingJob.class);
        }
    }

    /** The real daily-cleanup job. */
    public static class DailyCleanup implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return with("daily-cleanup");
        }
    }

    /** The real ecomanager-reconcile job (the nightly sweep). */
    public static class EcomanagerReconcile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return with("ecomanager-reconcile");
        }
    }

    /** The real daily-cleanup job, against the outage tests' own PostgreSQL and Redis. */
    public static class DailyCleanupThroughOutages extends DailyCleanup implements OutageServices.Profile {}

    private static Map<String, String> with(String job) {
        Map<String, String> config = new java.util.HashMap<>(TIMEOUT);
        config.put("quarkus.funqy.export", JobFunctions.NAME);
        config.put("scheduler.functions.job", job);
        return config;
    }
}
