package dz.libertaphonix.scheduler.testsupport;

import dz.libertaphonix.scheduler.events.CredentialsRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes the in-process {@code CredentialsRejected} events, so tests can see which were published. */
@ApplicationScoped
public class RecordedCredentialRejections {

    private final List<CredentialsRejected> events = new CopyOnWriteArrayList<>();

    void on(@Observes CredentialsRejected event) {
        events.add(event);
    }

    /** Those of one store or account. */
    public List<CredentialsRejected> of(String account) {
        return events.stream().filter(event -> event.account().equals(account)).toList();
    }
}
