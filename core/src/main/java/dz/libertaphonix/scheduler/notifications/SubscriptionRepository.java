package dz.libertaphonix.scheduler.notifications;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepository<Subscription> {

    public List<Subscription> allById() {
        return list("order by id");
    }

    public List<Subscription> enabled() {
        return list("enabled = true order by id");
    }
}
