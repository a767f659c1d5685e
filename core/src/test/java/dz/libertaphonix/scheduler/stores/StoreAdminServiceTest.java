package dz.libertaphonix.scheduler.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dz.libertaphonix.scheduler.common.CredentialState;
import dz.libertaphonix.scheduler.testsupport.CoreFixtures;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class StoreAdminServiceTest {

    @Inject
    StoreAdminService admin;

    @Inject
    StoreTokens tokens;

    @Test
    void refusesASecondStoreWithTheSameIdentifier() {
        String code = CoreFixtures.storeCode();
        admin.create(code, "Natura", "https://natura.ecomanager.dz/api/shop/v2", "token-one-123456", true);

        assertThatThrownBy(() ->
                        admin.create(code, "Natura bis", "https://other.ecomanager.dz/api/shop/v2", "token-two", true))
                .isInstanceOf(StoreAlreadyExistsException.class)
                .hasMessageContaining(code);
    }

    @Test
    void changesOnlyTheGivenFieldsAndANewTokenClearsTheRejection() {
        Store store = admin.create(
                CoreFixtures.storeCode(), "Zahra", "https://zahra.ecomanager.dz/api/shop/v2", "first-token-1234", true);
        tokens.markRejected(store.id, "EcoManager answered 401");

        admin.update(store.id, new StoreChanges("Zahra Mode", null, null, null));
        Store renamed = admin.get(store.id);
        assertThat(renamed.name).isEqualTo("Zahra Mode");
        assertThat(renamed.baseUrl).isEqualTo("https://zahra.ecomanager.dz/api/shop/v2");
        assertThat(renamed.credentialState).isEqualTo(CredentialState.REJECTED);

        admin.update(store.id, new StoreChanges(null, null, "second-token-9876", false));
        Store changed = admin.get(store.id);
        assertThat(tokens.credentials(changed).token()).isEqualTo("second-token-9876");
        assertThat(changed.apiTokenHint).isEqualTo("9876");
        assertThat(changed.credentialState).isEqualTo(CredentialState.OK);
        assertThat(changed.credentialError).isNull();
        assertThat(changed.active).isFalse();
    }

    @Test
    void resetsTheCursorAndSaysWhereItWas() {
        Store store = admin.create(
                CoreFixtures.storeCode(), "Baraka", "https://baraka.ecomanager.dz/api/shop/v2", "token-baraka-1", true);
        admin.resetCursor(store.id, 174302);

        long previous = admin.resetCursor(store.id, 0);

        assertThat(previous).isEqualTo(174302);
        assertThat(admin.get(store.id).importCursor).isZero();
    }

    @Test
    void saysSoWhenAStoreDoesNotExist() {
        assertThatThrownBy(() -> admin.setActive(987_654_321L, true)).isInstanceOf(StoreNotFoundException.class);
    }
}
