package dz.libertaphonix.scheduler.events.eventbridge;

import dz.libertaphonix.scheduler.common.Algiers;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.schedule.CronSchedules;
import dz.libertaphonix.scheduler.schedule.Schedule;
import dz.libertaphonix.scheduler.schedule.ScheduleChanges;
import dz.libertaphonix.scheduler.schedule.ScheduleControl;
import dz.libertaphonix.scheduler.schedule.ScheduleState;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.RuleState;

/**
 * Schedule control in AWS: each job's schedule is an EventBridge rule on the default bus, named by
 * {@link EventBridgeRuleNames}. The api's adapter with {@code scheduler.control=eventbridge}.
 * Start/stop is EnableRule/DisableRule, a cron change is PutRule with the exact UTC expression of
 * the Algiers cron. The rule is the truth for "enabled"; Redis caches what DescribeRule said, and
 * the {@code schedules} table records every change and keeps the Algiers cron.
 */
@ApplicationScoped
@IfBuildProperty(name = "scheduler.control", stringValue = "eventbridge")
public class EventBridgeScheduleControl implements ScheduleControl {

    private static final Logger LOG = Logger.getLogger(EventBridgeScheduleControl.class);
    private static final String CACHE_KEY = "scheduler:schedule-state:";

    private final EventBridgeConnection eventBridge;
    private final EventBridgeConfig config;
    private final EventBridgeRuleNames rules;
    private final ScheduleChanges schedules;
    private final ValueCommands<String, String> cache;

    public EventBridgeScheduleControl(
            EventBridgeConnection eventBridge,
            EventBridgeConfig config,
            EventBridgeRuleNames rules,
            ScheduleChanges schedules,
            RedisDataSource redis) {
        this.eventBridge = eventBridge;
        this.config = config;
        this.rules = rules;
        this.schedules = schedules;
        this.cache = redis.value(String.class);
    }

    @Override
    public void enable(JobId job, String actor) {
        String rule = rules.of(job);
        call("EnableRule " + rule, () -> eventBridge.client().enableRule(request -> request.name(rule)));
        schedules.setEnabled(job, true, actor);
        remember(job, true);
    }

    @Override
    public void disable(JobId job, String actor) {
        String rule = rules.of(job);
        call("DisableRule " + rule, () -> eventBridge.client().disableRule(request -> request.name(rule)));
        schedules.setEnabled(job, false, actor);
        remember(job, false);
    }

    @Override
    public ScheduleState describe(JobId job) {
        Schedule row = schedules.find(job).orElseThrow(() -> new IllegalStateException("no schedule row for " + job));
        ZoneId zone = row.timeZone == null ? Algiers.ZONE : ZoneId.of(row.timeZone);
        String cached = cachedState(job);
        boolean enabled;
        if (cached != null) {
            enabled = RuleState.ENABLED.toString().equals(cached);
        } else {
            DescribeRuleResponse rule = describeRule(job);
            enabled = rule.state() == RuleState.ENABLED;
            remember(job, enabled);
            warnIfDrifted(job, row, zone, rule);
        }
        return new ScheduleState(job, enabled, row.cron, zone);
    }

    @Override
    public void reschedule(JobId job, String cron, String actor) {
        Schedule row = schedules.find(job).orElseThrow(() -> new IllegalStateException("no schedule row for " + job));
        ZoneId zone = row.timeZone == null ? Algiers.ZONE : ZoneId.of(row.timeZone);
        String expression = CronSchedules.toEventBridgeUtc(cron, zone);
        // PutRule replaces the whole rule: carry its current state and description over
        DescribeRuleResponse current = describeRule(job);
        String rule = rules.of(job);
        call("PutRule " + rule, () -> eventBridge.client().putRule(request -> request.name(rule)
                .scheduleExpression(expression)
                .state(current.state())
                .description(current.description())));
        schedules.setCron(job, cron, actor);
        remember(job, current.state() == RuleState.ENABLED);
    }

    private DescribeRuleResponse describeRule(JobId job) {
        String rule = rules.of(job);
        return call("DescribeRule " + rule, () -> eventBridge.client().describeRule(request -> request.name(rule)));
    }

    private void warnIfDrifted(JobId job, Schedule row, ZoneId zone, DescribeRuleResponse rule) {
        try {
            String expected = CronSchedules.toEventBridgeUtc(row.cron, zone);
            if (rule.scheduleExpression() != null && !expected.equals(rule.scheduleExpression())) {
                LOG.warnf(
                        "rule %s fires on %s but the %s schedule (%s, %s) says %s: changed outside the admin API?",
                        rule.name(), rule.scheduleExpression(), job, row.cron, zone, expected);
            }
        } catch (RuntimeException e) {
            LOG.warnf("cannot compare rule %s with the %s schedule: %s", rule.name(), job, e.getMessage());
        }
    }

    private String cachedState(JobId job) {
        try {
            return cache.get(CACHE_KEY + job.id());
        } catch (RuntimeException e) {
            // Redis is a cache here: without it, ask the rule
            LOG.warnf("schedule state cache unavailable: %s", e.getMessage());
            return null;
        }
    }

    private void remember(JobId job, boolean enabled) {
        try {
            cache.setex(
                    CACHE_KEY + job.id(),
                    Math.max(1, config.stateCacheTtl().toSeconds()),
                    (enabled ? RuleState.ENABLED : RuleState.DISABLED).toString());
        } catch (RuntimeException e) {
            LOG.warnf("schedule state cache unavailable: %s", e.getMessage());
        }
    }

    private static <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            // the SDK's message names the rule and the AWS error code, never credentials
            throw new ScheduleControlUnavailableException("EventBridge " + what + " failed: " + e.getMessage());
        }
    }
}
