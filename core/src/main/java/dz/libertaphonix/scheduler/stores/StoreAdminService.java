package dz.libertaphonix.scheduler.stores;

import dz.libertaphonix.scheduler.common.CredentialState;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerConnectionTester;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerConnectionTester.ConnectionCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The operations on stores as an admin (or the dev-mode seed) performs them: list, register, edit
 * (the token is write-only), activate or deactivate, reset the import cursor, and test the
 * connection. Callers audit each change.
 */
@ApplicationScoped
public class StoreAdminService {

    private final StoreRepository stores;
    private final StoreTokens tokens;
    private final EcoManagerConnectionTester connectionTester;
    private final Clock clock;

    public StoreAdminService(
            StoreRepository stores, StoreTokens tokens, EcoManagerConnectionTester connectionTester, Clock clock) {
        this.stores = stores;
        this.tokens = tokens;
        this.connectionTester = connectionTester;
        this.clock = clock;
    }

    @Transactional
    public List<Store> list() {
        return stores.allByIdentifier();
    }

    @Transactional
    public Store get(long id) {
        return find(id);
    }

    /** Registers a store; its identifier must be new. */
    @Transactional
    public Store create(String identifier, String name, String baseUrl, String token, boolean active) {
        if (stores.findByIdentifier(identifier).isPresent()) {
            throw new StoreAlreadyExistsException(identifier);
        }
        Instant now = clock.instant();
        Store store = new Store();
        store.identifier = identifier;
        store.name = name;
        store.baseUrl = baseUrl;
        store.active = active;
        store.createdAt = now;
        store.updatedAt = now;
        tokens.assign(store, token);
        stores.persist(store);
        // surface a concurrent duplicate now, as a constraint error inside this call, not at commit
        stores.flush();
        return store;
    }

    /** Applies the non-null fields; a new token clears a REJECTED credential state. */
    @Transactional
    public Store update(long id, StoreChanges changes) {
        Store store = find(id);
        if (changes.name() != null) {
            store.name = changes.name();
        }
        if (changes.baseUrl() != null) {
            store.baseUrl = changes.baseUrl();
        }
        if (changes.active() != null) {
            store.active = changes.active();
        }
        if (changes.token() != null) {
            tokens.assign(store, changes.token());
            store.credentialState = CredentialState.OK;
            store.credentialError = null;
            store.credentialCheckedAt = null;
        }
        store.updatedAt = clock.instant();
        stores.flush();
        return store;
    }

    @Transactional
    public Store setActive(long id, boolean active) {
        Store store = find(id);
        store.active = active;
        store.updatedAt = clock.instant();
        stores.flush();
        return store;
    }

    /**
     * Moves the import cursor (0 re-scans the store's whole history; imports are idempotent on
     * store and EcoManager id, so nothing is doubled).
     *
     * @return the cursor before the reset
     */
    @Transactional
    public long resetCursor(long id, long cursor) {
        if (cursor < 0) {
            throw new IllegalArgumentException("cursor must not be negative");
        }
        Store store = find(id);
        long previous = store.importCursor;
        store.importCursor = cursor;
        store.updatedAt = clock.instant();
        stores.flush();
        return previous;
    }

    /**
     * One cheap request to EcoManager with the store's URL and token. Outside a transaction: an
     * upstream call must not hold a database connection.
     */
    public ConnectionCheck testConnection(long id) {
        Store store = get(id);
        return connectionTester.test(tokens.credentials(store));
    }

    private Store find(long id) {
        return stores.findByIdOptional(id).orElseThrow(() -> new StoreNotFoundException(id));
    }
}
