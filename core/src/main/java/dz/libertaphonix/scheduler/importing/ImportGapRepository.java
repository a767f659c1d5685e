package dz.libertaphonix.scheduler.importing;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ImportGapRepository implements PanacheRepository<ImportGap> {

    /** A store's open gaps, the oldest first: the backlog is worked down in the order it arose. */
    public List<ImportGap> openForStore(long storeId) {
        return list("storeId = ?1 order by openedAt, id", storeId);
    }
}
