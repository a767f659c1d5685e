package dz.libertaphonix.scheduler.audit;

import dz.libertaphonix.scheduler.common.Page;
import dz.libertaphonix.scheduler.common.PageRequest;
import dz.libertaphonix.scheduler.common.outage.DatabaseUnavailableException;
import dz.libertaphonix.scheduler.common.outage.Outages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Writes and reads the admin audit trail ({@code audit_events}). */
@ApplicationScoped
public class AuditService {

    /** What a redacted parameter's value becomes: the trail shows that it was given, never what it was. */
    public static final String REDACTED = "[redacted]";

    // parameter names that carry credentials, wherever they appear in a nested request
    private static final Pattern SECRET_NAME =
            Pattern.compile(".*(token|secret|password|passwd|apikey|api_key|authorization|credential).*");

    private static final int MAX_TEXT = 500;

    private final AuditEventRepository events;
    private final Clock clock;

    public AuditService(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Writes one audit row in its own transaction, so an action whose own transaction rolled back
     * (or was refused before it started) is still on record.
     *
     * @throws DatabaseUnavailableException when the database cannot be reached
     */
    public AuditEvent record(AuditRecord record) {
        return Outages.database("writing the audit row of " + record.action(), () -> QuarkusTransaction.requiringNew()
                .call(() -> persist(record)));
    }

    /**
     * Writes the audit row of a call that is about to act, with outcome {@link AuditOutcome#STARTED}:
     * the row exists before anything is done, and {@link #complete} gives it its outcome.
     *
     * @return the row's id
     * @throws DatabaseUnavailableException when the database cannot be reached: the call must not act
     */
    public long begin(AuditRecord record) {
        AuditRecord started = new AuditRecord(
                record.userId(),
                record.email(),
                record.role(),
                record.action(),
                record.target(),
                record.parameters(),
                AuditOutcome.STARTED,
                null,
                record.ipAddress(),
                record.userAgent());
        return record(started).id;
    }

    /**
     * Gives a {@link #begin begun} row the call's outcome, status, final target and parameters.
     *
     * @throws DatabaseUnavailableException when the database cannot be reached: the row stays STARTED
     */
    public void complete(long id, AuditRecord record) {
        Outages.database("completing the audit row of " + record.action(), () -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    AuditEvent event = events.findById(id);
                    if (event == null) {
                        persist(record);
                        return;
                    }
                    event.target = truncate(record.target());
                    event.parameters = parameters(record);
                    event.outcome = record.outcome();
                    event.httpStatus = record.httpStatus();
                }));
    }

    private AuditEvent persist(AuditRecord record) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = clock.instant();
        event.userId = truncate(record.userId());
        event.email = truncate(record.email());
        event.role = truncate(record.role());
        event.action = record.action();
        event.target = truncate(record.target());
        event.parameters = parameters(record);
        event.outcome = record.outcome();
        event.httpStatus = record.httpStatus();
        event.ipAddress = truncate(record.ipAddress());
        event.userAgent = truncate(record.userAgent());
        events.persist(event);
        return event;
    }

    private static Map<String, Object> parameters(AuditRecord record) {
        return record.parameters() == null || record.parameters().isEmpty() ? null : redact(record.parameters());
    }

    @Transactional
    public Page<AuditEvent> search(AuditQuery query, PageRequest page) {
        return events.search(query, page);
    }

    /** A copy of {@code parameters} with every credential-looking entry's value replaced. */
    public static Map<String, Object> redact(Map<String, ?> parameters) {
        Map<String, Object> clean = new LinkedHashMap<>();
        parameters.forEach((name, value) -> clean.put(name, redactValue(name, value)));
        return clean;
    }

    private static Object redactValue(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (name != null && SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
            return REDACTED;
        }
        if (value instanceof Map<?, ?> nested) {
            Map<String, Object> clean = new LinkedHashMap<>();
            nested.forEach((key, inner) -> clean.put(String.valueOf(key), redactValue(String.valueOf(key), inner)));
            return clean;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> redactValue(null, item)).toList();
        }
        return value;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
