package dz.libertaphonix.scheduler.orders;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class OrderItemRepository implements PanacheRepository<OrderItem> {

    public List<OrderItem> forOrder(long orderId) {
        return list("orderId = ?1 order by lineNo", orderId);
    }
}
