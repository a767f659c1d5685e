package dz.libertaphonix.scheduler.events.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.runs.JobId;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A job's rule by convention, and the two ways to name one otherwise. */
class EventBridgeRuleNamesTest {

    @Test
    void namesEveryJobsRuleByThePrefixAndItsIdUnlessTheConfigurationNamesItOtherwise() {
        EventBridgeRuleNames names = names(Map.of(
                "scheduler.eventbridge.rule-prefix", "libertaphonix-prod-",
                "scheduler.eventbridge.rules.daily-cleanup", "nightly-cleanup-rule",
                // the variable earlier templates set for each job
                "SCHEDULER_RULE_SHIPPING_STATUS_SYNC", "legacy-shipping-rule"));

        assertThat(names.of(JobId.of("ecomanager-sync"))).isEqualTo("libertaphonix-prod-ecomanager-sync");
        assertThat(names.of(JobId.of("ecomanager-reconcile"))).isEqualTo("libertaphonix-prod-ecomanager-reconcile");
        assertThat(names.of(JobId.of("daily-cleanup"))).isEqualTo("nightly-cleanup-rule");
        assertThat(names.of(JobId.of("shipping-status-sync"))).isEqualTo("legacy-shipping-rule");
    }

    @Test
    void defaultsToTheUnstagedPrefix() {
        assertThat(names(Map.of()).of(JobId.of("daily-cleanup"))).isEqualTo("libertaphonix-daily-cleanup");
    }

    private static EventBridgeRuleNames names(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                // Quarkus' reading of "8s", as the applications have it
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(EventBridgeConfig.class)
                .build();
        return new EventBridgeRuleNames(config.getConfigMapping(EventBridgeConfig.class), config);
    }
}
