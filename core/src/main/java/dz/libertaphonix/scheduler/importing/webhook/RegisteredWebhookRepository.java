package dz.libertaphonix.scheduler.importing.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class RegisteredWebhookRepository implements PanacheRepository<RegisteredWebhook> {

    public List<RegisteredWebhook> ofStore(long storeId) {
        return list("storeId = ?1 order by id", storeId);
    }

    public Optional<RegisteredWebhook> find(long storeId, String webhookId) {
        return find("storeId = ?1 and webhookId = ?2", storeId, webhookId).firstResultOptional();
    }
}
