package dz.libertaphonix.scheduler.api.stores;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.audit.AuditEvent;
import dz.libertaphonix.scheduler.audit.AuditOutcome;
import dz.libertaphonix.scheduler.audit.AuditService;
import dz.libertaphonix.scheduler.common.CredentialState;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.stores.StoreTokens;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stores: registered, edited with a write-only token, switched on and off, cursor reset; all audited. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class StoreResourceTest {

    private static final String STORES = "/api/v1/scheduler/stores";

    @Inject
    AdminFixtures fixtures;

    @Inject
    StoreTokens tokens;

    @Test
    void registersAStoreEncryptsItsTokenAndNeverShowsIt() {
        String code = AdminFixtures.storeCode();
        String token = "ecm_live_" + UUID.randomUUID().toString().replace("-", "");
        long before = fixtures.lastAuditId();

        Response created = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("""
                        {"identifier": "%s", "name": "Natura Cosmétiques", "baseUrl": "https://natura.ecomanager.dz/api/shop/v2", "token": "%s"}
                        """.formatted(code, token))
                .post(STORES);
        created.then()
                .statusCode(201)
                .header("Location", endsWith(STORES + "/" + created.jsonPath().getLong("data.id")))
                .body("success", equalTo(true))
                .body("data.identifier", equalTo(code))
                .body("data.name", equalTo("Natura Cosmétiques"))
                .body("data.baseUrl", equalTo("https://natura.ecomanager.dz/api/shop/v2"))
                .body("data.token", equalTo("••••" + token.substring(token.length() - 4)))
                .body("data.active", equalTo(true))
                .body("data.importCursor", equalTo(0))
                .body("data.lastImportAt", nullValue())
                .body("data.credentialState", equalTo("OK"))
                .body("data.createdAt", endsWith("+01:00"));
        assertThat(created.asString()).doesNotContain(token);
        long id = created.jsonPath().getLong("data.id");

        Store stored = fixtures.reload(id);
        assertThat(tokens.credentials(stored).token()).isEqualTo(token);
        Response one = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get(STORES + "/" + id);
        one.then()
                .statusCode(200)
                .body("data.id", equalTo((int) id))
                .body("data.identifier", equalTo(code))
                .body("data.token", equalTo("••••" + token.substring(token.length() - 4)));
        assertThat(one.asString()).doesNotContain(token);

        Response list = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get(STORES);
        list.then().statusCode(200).body("data.identifier", hasItem(code));
        assertThat(list.asString()).doesNotContain(token);

        AuditEvent row = single(before, "store.create");
        assertThat(row.outcome).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(row.httpStatus).isEqualTo(201);
        assertThat(row.target).isEqualTo("store:" + id);
        assertThat(row.parameters).containsEntry("identifier", code).containsEntry("token", AuditService.REDACTED);
        assertThat(row.parameters.toString()).doesNotContain(token);
    }

    @Test
    void refusesASecondStoreWithTheSameIdentifierWith409() {
        Store existing = fixtures.store("https://a.ecomanager.dz/api/shop/v2", "tok-" + UUID.randomUUID());

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("""
                        {"identifier": "%s", "name": "Copie", "baseUrl": "https://b.ecomanager.dz/api/shop/v2", "token": "abcdefghijkl"}
                        """.formatted(existing.identifier))
                .post(STORES)
                .then()
                .statusCode(409)
                .body("error.code", equalTo("STORE_ALREADY_EXISTS"));
    }

    @Test
    void refusesAnInvalidStoreNamingEveryBadField() {
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("""
                        {"identifier": "natura shop", "name": "", "baseUrl": "ftp://natura", "token": "  "}
                        """)
                .post(STORES)
                .then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED"))
                .body("error.details.violations.field", hasItem("identifier"))
                .body("error.details.violations.field", hasItem("name"))
                .body("error.details.violations.field", hasItem("baseUrl"))
                .body("error.details.violations.field", hasItem("token"));
    }

    @Test
    void replacesTheTokenWithoutEverReturningItAndClearsARejectedState() {
        Store store = fixtures.store("https://zahra.ecomanager.dz/api/shop/v2", "old-token-" + UUID.randomUUID());
        fixtures.rejectCredentials(store.id, "EcoManager answered 401");
        String newToken = "new-token-" + UUID.randomUUID();
        long before = fixtures.lastAuditId();

        Response updated = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("{\"token\": \"" + newToken + "\", \"name\": \"Zahra Mode\"}")
                .patch(STORES + "/" + store.id);
        updated.then()
                .statusCode(200)
                .body("data.name", equalTo("Zahra Mode"))
                .body("data.token", equalTo("••••" + newToken.substring(newToken.length() - 4)))
                .body("data.credentialState", equalTo("OK"))
                .body("data.credentialError", nullValue())
                .body("data.baseUrl", equalTo("https://zahra.ecomanager.dz/api/shop/v2"));
        assertThat(updated.asString()).doesNotContain(newToken);

        Store stored = fixtures.reload(store.id);
        assertThat(tokens.credentials(stored).token()).isEqualTo(newToken);
        assertThat(stored.credentialState).isEqualTo(CredentialState.OK);
        AuditEvent row = single(before, "store.update");
        assertThat(row.target).isEqualTo("store:" + store.id);
        assertThat(row.parameters).containsEntry("token", AuditService.REDACTED).containsEntry("name", "Zahra Mode");
        assertThat(row.parameters.toString()).doesNotContain(newToken);
    }

    @Test
    void deactivatesAndActivatesAStore() {
        Store store = fixtures.store("https://a.ecomanager.dz/api/shop/v2", "tok-" + UUID.randomUUID());
        long before = fixtures.lastAuditId();

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post(STORES + "/" + store.id + "/deactivate")
                .then()
                .statusCode(200)
                .body("data.active", equalTo(false));
        assertThat(fixtures.reload(store.id).active).isFalse();
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post(STORES + "/" + store.id + "/activate")
                .then()
                .statusCode(200)
                .body("data.active", equalTo(true));

        assertThat(single(before, "store.deactivate").target).isEqualTo("store:" + store.id);
        assertThat(single(before, "store.activate").outcome).isEqualTo(AuditOutcome.SUCCEEDED);
    }

    @Test
    void resetsTheImportCursorAndAuditsWhereItWas() {
        Store store = fixtures.store("https://a.ecomanager.dz/api/shop/v2", "tok-" + UUID.randomUUID());
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("{\"cursor\": 174302}")
                .post(STORES + "/" + store.id + "/reset-cursor")
                .then()
                .statusCode(200)
                .body("data.importCursor", equalTo(174302));
        long before = fixtures.lastAuditId();

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post(STORES + "/" + store.id + "/reset-cursor")
                .then()
                .statusCode(200)
                .body("data.importCursor", equalTo(0));

        assertThat(fixtures.reload(store.id).importCursor).isZero();
        AuditEvent row = single(before, "store.reset-cursor");
        assertThat(row.parameters).containsEntry("cursor", 0).containsEntry("previousCursor", 174302);
    }

    @Test
    void refusesANegativeCursor() {
        Store store = fixtures.store("https://a.ecomanager.dz/api/shop/v2", "tok-" + UUID.randomUUID());

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("{\"cursor\": -5}")
                .post(STORES + "/" + store.id + "/reset-cursor")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED"))
                .body("error.details.violations[0].field", equalTo("cursor"));
    }

    @Test
    void answers404ForAStoreThatDoesNotExist() {
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post(STORES + "/987654321/activate")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("STORE_NOT_FOUND"));
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get(STORES + "/natura")
                .then()
                .statusCode(404)
                .body("success", equalTo(false));
    }

    private AuditEvent single(long afterId, String action) {
        List<AuditEvent> rows = fixtures.auditSince(afterId).stream()
                .filter(row -> row.action.equals(action))
                .toList();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
