package dz.libertaphonix.scheduler.events.eventbridge;

import dz.libertaphonix.scheduler.runs.JobId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The name of a job's schedule rule, by convention: {@code rule-prefix} + job id
 * ({@code libertaphonix-prod-ecomanager-sync}), so a new job needs no setting of its own. A rule named
 * otherwise is set with {@code scheduler.eventbridge.rules.<job>}, or with the variable
 * {@code SCHEDULER_RULE_<JOB>} ({@code SCHEDULER_RULE_ECOMANAGER_SYNC}), which earlier templates set.
 */
@ApplicationScoped
public class EventBridgeRuleNames {

    private final EventBridgeConfig eventBridge;
    private final Config config;

    public EventBridgeRuleNames(EventBridgeConfig eventBridge, Config config) {
        this.eventBridge = eventBridge;
        this.config = config;
    }

    public String of(JobId job) {
        String configured = eventBridge.rules().get(job.id());
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        Optional<String> variable = config.getOptionalValue(variable(job), String.class);
        return variable.filter(name -> !name.isBlank())
                .map(String::trim)
                .orElseGet(() -> eventBridge.rulePrefix() + job.id());
    }

    /** {@code SCHEDULER_RULE_ECOMANAGER_SYNC} for {@code ecomanager-sync}. */
    static String variable(JobId job) {
        return "SCHEDULER_RULE_" + job.id().replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
