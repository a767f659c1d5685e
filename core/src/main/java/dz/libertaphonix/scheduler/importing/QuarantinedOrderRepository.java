package dz.libertaphonix.scheduler.importing;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class QuarantinedOrderRepository implements PanacheRepository<QuarantinedOrder> {

    public List<QuarantinedOrder> openForStore(long storeId) {
        return list("storeId = ?1 and resolvedAt is null order by lastSeenAt desc", storeId);
    }
}
