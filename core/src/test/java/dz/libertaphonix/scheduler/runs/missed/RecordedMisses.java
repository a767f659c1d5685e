package dz.libertaphonix.scheduler.runs.missed;

import dz.libertaphonix.scheduler.events.RunMissed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes the in-process RunMissed events, so tests can see what was published. */
@ApplicationScoped
public class RecordedMisses {

    private final List<RunMissed> events = new CopyOnWriteArrayList<>();

    void on(@Observes RunMissed event) {
        events.add(event);
    }

    public List<RunMissed> all() {
        return List.copyOf(events);
    }

    public void clear() {
        events.clear();
    }
}
