package dz.libertaphonix.scheduler.orders;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class CustomerRepository implements PanacheRepository<Customer> {

    public Optional<Customer> findByPhone(String normalisedPhone) {
        return find("phone", normalisedPhone).firstResultOptional();
    }
}
