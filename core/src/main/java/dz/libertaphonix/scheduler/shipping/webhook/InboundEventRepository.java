package dz.libertaphonix.scheduler.shipping.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class InboundEventRepository implements PanacheRepository<InboundEvent> {}
