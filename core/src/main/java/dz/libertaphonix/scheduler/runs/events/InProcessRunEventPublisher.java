package dz.libertaphonix.scheduler.runs.events;

import dz.libertaphonix.scheduler.events.RunEvent;
import dz.libertaphonix.scheduler.runs.ErrorSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Typed;
import org.jboss.logging.Logger;

/** Run events as CDI events ({@code @Observes RunEvent}, or one kind: {@code SyncFailed} …), for local development and tests. */
@ApplicationScoped
@Typed(InProcessRunEventPublisher.class)
public class InProcessRunEventPublisher implements RunEventPublisher {

    private static final Logger LOG = Logger.getLogger(InProcessRunEventPublisher.class);

    private final Event<RunEvent> events;

    public InProcessRunEventPublisher(Event<RunEvent> events) {
        this.events = events;
    }

    @Override
    public void publish(RunEvent event) {
        try {
            events.fire(event);
        } catch (RuntimeException e) {
            // an observer's failure is the observer's problem, never the run's
            LOG.warnf("a %s observer failed: %s", event.detailType(), ErrorSummary.oneLine(e));
        }
    }
}
