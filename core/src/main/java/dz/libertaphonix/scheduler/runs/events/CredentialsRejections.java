package dz.libertaphonix.scheduler.runs.events;

import dz.libertaphonix.scheduler.events.CredentialsRejected;
import dz.libertaphonix.scheduler.runs.JobContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Publishes {@link CredentialsRejected} when a run finds an account's credentials refused for the first
 * time (the caller tells: a store or an account already REJECTED is not announced again every run).
 * Through the run-event publisher, after the rejection is recorded and outside its transaction.
 */
@ApplicationScoped
public class CredentialsRejections {

    private final RunEventPublisher publisher;
    private final Clock clock;

    public CredentialsRejections(RunEventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    public void store(String identifier, int httpStatus, JobContext run) {
        publish(CredentialsRejected.Kind.STORE, identifier, httpStatus, run);
    }

    public void courierAccount(String name, int httpStatus, JobContext run) {
        publish(CredentialsRejected.Kind.COURIER_ACCOUNT, name, httpStatus, run);
    }

    private void publish(CredentialsRejected.Kind kind, String account, int httpStatus, JobContext run) {
        publisher.publish(
                new CredentialsRejected(kind, account, run.jobId(), run.runId(), httpStatus, clock.instant()));
    }
}
