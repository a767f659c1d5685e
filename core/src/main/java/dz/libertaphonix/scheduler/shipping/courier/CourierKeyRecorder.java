package dz.libertaphonix.scheduler.shipping.courier;

import dz.libertaphonix.scheduler.common.CredentialState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Records what Maystro last said about each account's key. Keys live in configuration, so a rejected
 * account is still tried on the next run (one request, refused at once without retries): replacing
 * the key in the configuration is enough to bring it back, and the row returns to OK.
 */
@ApplicationScoped
public class CourierKeyRecorder {

    private final CourierAccountRepository accounts;
    private final Clock clock;

    public CourierKeyRecorder(CourierAccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** @return whether the account was not REJECTED before: a rejection to announce */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean markRejected(String name, String reason) {
        CourierAccount account = findOrCreate(name);
        boolean newly = account.credentialState != CredentialState.REJECTED;
        account.credentialState = CredentialState.REJECTED;
        account.credentialError = reason;
        account.credentialCheckedAt = clock.instant();
        account.updatedAt = account.credentialCheckedAt;
        return newly;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markAccepted(String name) {
        CourierAccount account = findOrCreate(name);
        account.credentialState = CredentialState.OK;
        account.credentialError = null;
        account.credentialCheckedAt = clock.instant();
        account.updatedAt = account.credentialCheckedAt;
    }

    private CourierAccount findOrCreate(String name) {
        CourierAccount account = accounts.findById(name);
        if (account == null) {
            account = new CourierAccount();
            account.name = name;
            account.updatedAt = Instant.now(clock);
            accounts.persist(account);
        }
        return account;
    }
}
