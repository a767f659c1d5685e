package dz.libertaphonix.scheduler.orders;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class OrderStatusEventRepository implements PanacheRepository<OrderStatusEvent> {

    public List<OrderStatusEvent> forOrder(long orderId) {
        return list("orderId = ?1 order by occurredAt, id", orderId);
    }
}
