package dz.libertaphonix.scheduler.runs.events;

import dz.libertaphonix.scheduler.events.eventbridge.EventBridgeRunEventPublisher;
import dz.libertaphonix.scheduler.runs.RunsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** Picks the run-event adapter named by {@code scheduler.runs.events}. */
@ApplicationScoped
public class RunEventPublishers {

    @Produces
    @ApplicationScoped
    RunEventPublisher runEventPublisher(
            RunsConfig config,
            Instance<InProcessRunEventPublisher> inProcess,
            Instance<EventBridgeRunEventPublisher> eventBridge) {
        return switch (config.events()) {
            case IN_PROCESS -> inProcess.get();
            case EVENTBRIDGE -> eventBridge.get();
        };
    }
}
