package dz.libertaphonix.scheduler.testsupport;

import java.time.Duration;

/**
 * Makes every statement that inserts orders take a while (a statement trigger sleeping inside the
 * batch's transaction), so an outage test can stop PostgreSQL while a known batch is in flight: with
 * two batches committed and a third asleep, the third is the one the outage cuts.
 */
public final class SlowBatches {

    private SlowBatches() {}

    public static void on(ImportFixtures fixtures, Duration each) {
        fixtures.execute("create or replace function outage_test_slow_batch() returns trigger language plpgsql as $$"
                + " begin perform pg_sleep(" + each.toMillis() / 1000.0 + "); return null; end $$");
        fixtures.execute("drop trigger if exists outage_test_slow_batch on orders");
        fixtures.execute("create trigger outage_test_slow_batch after insert on orders"
                + " for each statement execute function outage_test_slow_batch()");
    }

    public static void off(ImportFixtures fixtures) {
        fixtures.execute("drop trigger if exists outage_test_slow_batch on orders");
    }

    /** Whether a batch is asleep in the trigger right now. */
    public static boolean inFlight(ImportFixtures fixtures) {
        return fixtures.queryLong("select count(*) from pg_stat_activity where wait_event = 'PgSleep'") > 0;
    }
}
