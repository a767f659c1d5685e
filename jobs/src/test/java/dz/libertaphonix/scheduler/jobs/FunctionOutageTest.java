package dz.libertaphonix.scheduler.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.ledger.JobRunRepository;
import dz.libertaphonix.scheduler.runs.live.JobLiveState;
import dz.libertaphonix.scheduler.runs.live.LiveStateReader;
import dz.libertaphonix.scheduler.runs.lock.RunLock;
import dz.libertaphonix.scheduler.testsupport.OutageServices;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A scheduled event delivered while PostgreSQL is down fails its invocation at once, saying why, and
 * leaves nothing behind (no lock, no live state, no half-written row), so Lambda's retry (and, after
 * the retries, the on-failure queue) does its work; the retry delivered after recovery runs.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(FunctionProfiles.DailyCleanupThroughOutages.class)
class FunctionOutageTest {

    private static final OutageServices SERVICES = OutageServices.get();

    @Inject
    JobRunRepository runs;

    @Inject
    LiveStateReader liveState;

    @Inject
    RedisDataSource redis;

    @AfterEach
    void databaseBack() {
        SERVICES.startPostgres();
    }

    @Test
    void aScheduledEventFailsCleanlyWhileTheDatabaseIsDownAndItsRetryRunsOnceItIsBack() {
        String eventId = Events.eventId();
        String event = Events.scheduled(eventId, "daily-cleanup", Instant.parse("2026-03-16T01:00:00Z"));
        JobLiveState before = liveState.read(DailyCleanupJob.ID);
        SERVICES.stopPostgres();

        Response failed =
                given().contentType("application/json").body(event).when().post();

        assertThat(failed.statusCode()).isGreaterThanOrEqualTo(500);
        assertThat(failed.asString())
                .contains("DatabaseUnavailableException")
                .contains("database unavailable while reading the running run of daily-cleanup");
        assertThat(redis.key().exists(RunLock.key(DailyCleanupJob.ID))).isFalse();
        assertThat(liveState.read(DailyCleanupJob.ID)).isEqualTo(before);

        SERVICES.startPostgres();
        Response retried =
                given().contentType("application/json").body(event).when().post();

        retried.then().statusCode(200);
        assertThat(retried.jsonPath().getString("status")).isEqualTo("SUCCEEDED");
        List<JobRun> recorded =
                QuarkusTransaction.requiringNew().call(() -> runs.forEvent(DailyCleanupJob.ID, eventId));
        assertThat(recorded).singleElement().satisfies(run -> assertThat(run.status)
                .isEqualTo(JobRunStatus.SUCCEEDED));
    }
}
