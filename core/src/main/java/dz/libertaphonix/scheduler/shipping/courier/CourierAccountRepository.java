package dz.libertaphonix.scheduler.shipping.courier;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CourierAccountRepository implements PanacheRepositoryBase<CourierAccount, String> {}
