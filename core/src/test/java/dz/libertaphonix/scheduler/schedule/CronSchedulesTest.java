package dz.libertaphonix.scheduler.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dz.libertaphonix.scheduler.common.Algiers;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronSchedulesTest {

    private static final CronParser QUARTZ =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0 0 8-20 * * ?|cron(0 7-19 * * ? *)",
                "0 0 0,6,12,18 * * ?|cron(0 5,11,17,23 * * ? *)",
                "0 0 2 * * ?|cron(0 1 * * ? *)",
                "0 30 9 ? * MON-FRI|cron(30 8 ? * MON-FRI *)",
                "0 */15 * * * ?|cron(0/15 * * * ? *)"
            })
    void translatesAlgiersCronsToUtcEventBridgeRules(String quartz, String eventBridge) {
        assertThat(CronSchedules.toEventBridgeUtc(quartz, Algiers.ZONE)).isEqualTo(eventBridge);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 8-20 * * ?", "0 0 0,6,12,18 * * ?", "0 0 2 * * ?"})
    void translationFiresAtTheSameInstantsForAWholeYear(String quartz) {
        String aws = CronSchedules.toEventBridgeUtc(quartz, Algiers.ZONE);
        String[] f = aws.substring(5, aws.length() - 1).split(" ");
        String asQuartzUtc = "0 " + f[0] + " " + f[1] + " " + f[2] + " " + f[3] + " " + f[4];
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2027-01-01T00:00:00Z");

        assertThat(fireTimes(asQuartzUtc, from, to, true))
                .isEqualTo(fireTimes(quartz, from, to, false))
                .isNotEmpty();
    }

    @Test
    void refusesAScheduleThatCrossesMidnightOnRestrictedDays() {
        assertThatThrownBy(() -> CronSchedules.toEventBridgeUtc("0 30 0 ? * MON", Algiers.ZONE))
                .isInstanceOf(InvalidCronException.class)
                .hasMessageContaining("cannot be expressed exactly");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "every hour", "0 0 25 * * ?", "0 0 8 * * * *", "30 0 8 * * ?", "0 0 8 * *"})
    void rejectsInvalidExpressionsSayingWhy(String expression) {
        assertThatThrownBy(() -> CronSchedules.parse(expression))
                .isInstanceOf(InvalidCronException.class)
                .hasMessageNotContaining("Exception");
    }

    @Test
    void listsTheNextFireTimesInAlgiersTime() {
        Instant now = Instant.parse("2026-11-29T19:30:00Z"); // 20:30 in Algiers

        List<ZonedDateTime> next = CronSchedules.nextFireTimes("0 0 8-20 * * ?", Algiers.ZONE, now, 3);

        assertThat(next)
                .extracting(ZonedDateTime::toOffsetDateTime)
                .map(Object::toString)
                .containsExactly("2026-11-30T08:00+01:00", "2026-11-30T09:00+01:00", "2026-11-30T10:00+01:00");
        assertThat(CronSchedules.describe("0 0 2 * * ?")).isNotBlank();
    }

    private static List<Instant> fireTimes(String quartz, Instant from, Instant to, boolean utc) {
        ExecutionTime execution = ExecutionTime.forCron(QUARTZ.parse(quartz));
        List<Instant> times = new ArrayList<>();
        ZonedDateTime cursor = utc ? from.atZone(ZoneOffset.UTC) : from.atZone(Algiers.ZONE);
        while (true) {
            ZonedDateTime next = execution.nextExecution(cursor).orElseThrow();
            if (!next.toInstant().isBefore(to)) {
                return times;
            }
            times.add(next.toInstant());
            cursor = next;
        }
    }
}
