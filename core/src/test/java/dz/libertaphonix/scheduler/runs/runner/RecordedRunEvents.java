package dz.libertaphonix.scheduler.runs.runner;

import dz.libertaphonix.scheduler.events.RunEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes the in-process run events, so tests can see what was published. */
@ApplicationScoped
public class RecordedRunEvents {

    private final List<RunEvent> events = new CopyOnWriteArrayList<>();

    void on(@Observes RunEvent event) {
        events.add(event);
    }

    public List<RunEvent> forRun(UUID runId) {
        return events.stream().filter(event -> event.runId().equals(runId)).toList();
    }
}
