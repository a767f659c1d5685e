package dz.libertaphonix.scheduler.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.api.testsupport.KeepAliveConnection;
import dz.libertaphonix.scheduler.api.testsupport.KeepAliveConnection.Answer;
import dz.libertaphonix.scheduler.audit.AuditOutcome;
import dz.libertaphonix.scheduler.audit.AuditRecord;
import dz.libertaphonix.scheduler.audit.AuditService;
import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Answers larger than 8 KiB end on a keep-alive connection: a full page of the run history and of
 * the audit trail, read by a client that trusts only the answer's framing, twice on one connection.
 * In tests the api is reached as in Lambda, through the HTTP event bridge (its mock event server).
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class LargeAnswersTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    @Inject
    AdminFixtures fixtures;

    @Inject
    AuditService audit;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void fullPagesOfHistoryAndAuditEndOnAKeepAliveConnection() throws Exception {
        Instant day = Instant.parse("1990-01-01T00:00:00Z").plus(AdminFixtures.next() % 3000, ChronoUnit.DAYS);
        for (int i = 0; i < 100; i++) {
            fixtures.finishedRun(
                    EcoManagerSyncJob.ID, JobRunStatus.SUCCEEDED, RunTrigger.SCHEDULED, day.plusSeconds(60L * i), 42);
        }
        String target = "large-answers:" + AdminFixtures.next();
        for (int i = 0; i < 100; i++) {
            audit.record(new AuditRecord(
                    "7",
                    AdminTokens.ADMIN_EMAIL,
                    "ADMIN",
                    "schedule.change",
                    target,
                    Map.of("cron", "0 0 8-20 * * ?", "attempt", i),
                    AuditOutcome.SUCCEEDED,
                    200,
                    "198.51.100.7",
                    "admin-front/2.4 (large answers test)"));
        }
        String history = "/api/v1/scheduler/history?size=100&from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS);
        String auditPage = "/api/v1/scheduler/audit?size=100&target=" + target;
        Map<String, String> admin = Map.of("Authorization", AdminTokens.bearer(AdminTokens.admin()));

        try (KeepAliveConnection connection = new KeepAliveConnection("localhost", RestAssured.port, READ_TIMEOUT)) {
            for (String path : new String[] {history, auditPage, history}) {
                Answer answer = connection.get(path, admin);

                assertThat(answer.status()).as(path).isEqualTo(200);
                assertThat(answer.body().length).as("%s is over 8 KiB", path).isGreaterThan(8192);
                JsonNode page = json.readTree(answer.body());
                assertThat(page.path("data").path("items").size()).as(path).isEqualTo(100);
                assertThat(page.path("data").path("total").asInt()).as(path).isEqualTo(100);
            }
        }
    }
}
