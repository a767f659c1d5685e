package dz.libertaphonix.scheduler.stores;

import dz.libertaphonix.scheduler.common.CredentialState;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class StoreRepository implements PanacheRepository<Store> {

    public Optional<Store> findByIdentifier(String identifier) {
        return find("identifier", identifier).firstResultOptional();
    }

    /** Stores the import should visit: active, and not waiting for a new token. */
    public List<Store> importable() {
        return list("active = true and credentialState = ?1 order by identifier", CredentialState.OK);
    }

    public List<Store> allByIdentifier() {
        return list("order by identifier");
    }
}
