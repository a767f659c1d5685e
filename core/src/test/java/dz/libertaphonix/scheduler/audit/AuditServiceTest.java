package dz.libertaphonix.scheduler.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.common.Page;
import dz.libertaphonix.scheduler.common.PageRequest;
import dz.libertaphonix.scheduler.testsupport.CoreFixtures;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class AuditServiceTest {

    @Inject
    AuditService audit;

    @Test
    void redactsEveryCredentialLookingParameterWhereverItIsNested() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("apiKey", "mk_live_123");
        nested.put("account", "main");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("token", "ecm_secret");
        parameters.put("name", "Natura");
        parameters.put("maystro", nested);
        parameters.put("accounts", List.of(Map.of("password", "hunter2", "login", "ops")));
        parameters.put("clientSecret", null);

        Map<String, Object> clean = AuditService.redact(parameters);

        assertThat(clean)
                .containsEntry("token", AuditService.REDACTED)
                .containsEntry("name", "Natura")
                .containsEntry("clientSecret", null)
                .containsEntry("maystro", Map.of("apiKey", AuditService.REDACTED, "account", "main"))
                .containsEntry("accounts", List.of(Map.of("password", AuditService.REDACTED, "login", "ops")));
        assertThat(clean.toString()).doesNotContain("ecm_secret", "mk_live_123", "hunter2");
    }

    @Test
    void writesARowWithoutSecretsAndFindsItByItsFilters() {
        String target = "store:" + CoreFixtures.next();
        String userId = "u" + CoreFixtures.next();
        audit.record(new AuditRecord(
                userId,
                "nadia.admin@libertaphonix.dz",
                "ADMIN",
                "store.update",
                target,
                Map.of("token", "ecm_live_abcdef", "name", "Natura"),
                AuditOutcome.SUCCEEDED,
                200,
                "41.111.22.33",
                "admin-front/2.3"));
        audit.record(new AuditRecord(
                userId,
                "nadia.admin@libertaphonix.dz",
                "ADMIN",
                "store.update",
                target,
                Map.of(),
                AuditRecord.outcomeOf(409),
                409,
                "41.111.22.33",
                "admin-front/2.3"));

        Page<AuditEvent> all =
                audit.search(new AuditQuery(userId, null, null, target, null, null, null), new PageRequest(1, 10));
        assertThat(all.total()).isEqualTo(2);
        assertThat(all.items())
                .extracting(event -> event.outcome)
                .containsExactly(AuditOutcome.REJECTED, AuditOutcome.SUCCEEDED);
        AuditEvent written = all.items().get(1);
        assertThat(written.parameters).containsEntry("token", AuditService.REDACTED);
        assertThat(written.ipAddress).isEqualTo("41.111.22.33");
        assertThat(all.items().get(0).parameters).isNull();

        Page<AuditEvent> rejected = audit.search(
                new AuditQuery(
                        null,
                        "NADIA.ADMIN@libertaphonix.dz",
                        "store.update",
                        target,
                        AuditOutcome.REJECTED,
                        null,
                        null),
                new PageRequest(1, 10));
        assertThat(rejected.items()).singleElement().satisfies(event -> assertThat(event.httpStatus)
                .isEqualTo(409));
    }

    @Test
    void namesTheOutcomeOfEachHttpStatus() {
        assertThat(AuditRecord.outcomeOf(200)).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(AuditRecord.outcomeOf(202)).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(AuditRecord.outcomeOf(401)).isEqualTo(AuditOutcome.DENIED);
        assertThat(AuditRecord.outcomeOf(403)).isEqualTo(AuditOutcome.DENIED);
        assertThat(AuditRecord.outcomeOf(400)).isEqualTo(AuditOutcome.REJECTED);
        assertThat(AuditRecord.outcomeOf(409)).isEqualTo(AuditOutcome.REJECTED);
        assertThat(AuditRecord.outcomeOf(503)).isEqualTo(AuditOutcome.FAILED);
    }
}
