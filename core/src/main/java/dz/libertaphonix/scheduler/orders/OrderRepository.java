package dz.libertaphonix.scheduler.orders;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class OrderRepository implements PanacheRepository<Order> {

    public Optional<Order> findByStoreAndEcoManagerId(long storeId, long ecomanagerId) {
        return find("storeId = ?1 and ecomanagerId = ?2", storeId, ecomanagerId).firstResultOptional();
    }

    public long countForStore(long storeId) {
        return count("storeId", storeId);
    }
}
