package dz.libertaphonix.scheduler.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OperationsOverviewTest {

    @Test
    void theThirdFireBeforeNowOfTheHourlyImportIsThreeWholeHoursBackInAlgiersTime() {
        // 10:20 in Algiers (09:20 UTC): the import fired at 10:00, 09:00 and 08:00
        Instant now = Instant.parse("2026-12-07T09:20:00Z");

        assertThat(OperationsOverview.earlierFire("0 0 8-20 * * ?", now, 3))
                .contains(Instant.parse("2026-12-07T07:00:00Z"));
    }

    @Test
    void beforeTheDaysFirstFireTheEarlierFiresAreYesterdayEvening() {
        // 08:30 in Algiers: 08:00 today, then 20:00 and 19:00 yesterday
        Instant now = Instant.parse("2026-12-07T07:30:00Z");

        assertThat(OperationsOverview.earlierFire("0 0 8-20 * * ?", now, 3))
                .contains(Instant.parse("2026-12-06T18:00:00Z"));
    }

    @Test
    void describesASchedulesCronInFrenchAndEnglish() {
        assertThat(OperationsOverview.words("0 0 8-20 * * ?"))
                .containsEntry("fr", "chaque heure entre 8 et 20")
                .containsEntry("en", "every hour between 8 and 20");
        assertThat(OperationsOverview.words("not a cron")).isEmpty();
    }
}
