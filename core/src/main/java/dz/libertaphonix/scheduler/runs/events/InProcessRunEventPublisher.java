package dz.libertaphonix.scheduler.runs.events;

import dz.libertaphonix.scheduler.events.SchedulerEvent;
import dz.libertaphonix.scheduler.runs.ErrorSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Typed;
import org.jboss.logging.Logger;

/** Scheduler events as CDI events ({@code @Observes RunEvent}, one kind: {@code SyncFailed}, {@code RunMissed} …, or every {@code SchedulerEvent}), for local development and tests. */
@ApplicationScoped
@Typed(InProcessRunEventPublisher.class)
public class InProcessRunEventPublisher implements RunEventPublisher {

    private static final Logger LOG = Logger.getLogger(InProcessRunEventPublisher.class);

    private final Event<SchedulerEvent> events;

    public InProcessRunEventPublisher(Event<SchedulerEvent> events) {
        this.events = events;
    }

    @Override
    public void publish(SchedulerEvent event) {
        try {
            events.fire(event);
        } catch (RuntimeException e) {
            // an observer's failure is the observer's problem, never the run's
            LOG.warnf("a %s observer failed: %s", event.detailType(), ErrorSummary.oneLine(e));
        }
    }
}
