package dz.libertaphonix.scheduler.importing.webhook;

import dz.libertaphonix.scheduler.agents.AssignmentService;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerOrder;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerWebhookBodies;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerWebhookEvent;
import dz.libertaphonix.scheduler.ecomanager.UnreadableWebhookBodyException;
import dz.libertaphonix.scheduler.importing.ImportConfig;
import dz.libertaphonix.scheduler.importing.intake.BatchFollowUp;
import dz.libertaphonix.scheduler.importing.intake.IntakeProgress;
import dz.libertaphonix.scheduler.importing.intake.IntakeRequest;
import dz.libertaphonix.scheduler.importing.intake.IntakeTally;
import dz.libertaphonix.scheduler.importing.intake.OrderIntake;
import dz.libertaphonix.scheduler.importing.webhook.DeliveryGateway.WebhookStore;
import dz.libertaphonix.scheduler.stores.StoreNotFoundException;
import dz.libertaphonix.scheduler.stores.WebhookSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * EcoManager's webhook deliveries, in seconds rather than at the next hourly run: the signature is
 * checked over the raw bytes before anything is parsed; an {@code En dispatch} order then goes
 * through {@link OrderIntake}, the hourly import's own path (validate or quarantine, insert
 * idempotently on {@code (store, ecomanager id)}, assign), inside the request. Every other event or
 * state only mirrors EcoManager's state on an order we have, and never with an older version than
 * one already received. Every accepted delivery is a row of {@code inbound_events}.
 */
@ApplicationScoped
public class EcoManagerDeliveries {

    private static final Logger LOG = Logger.getLogger(EcoManagerDeliveries.class);

    private final WebhookSecrets secrets;
    private final EcoManagerWebhookBodies bodies;
    private final OrderIntake intake;
    private final AssignmentService assignment;
    private final DeliveryGateway gateway;
    private final ImportConfig importConfig;
    private final Clock clock;

    public EcoManagerDeliveries(
            WebhookSecrets secrets,
            EcoManagerWebhookBodies bodies,
            OrderIntake intake,
            AssignmentService assignment,
            DeliveryGateway gateway,
            ImportConfig importConfig,
            Clock clock) {
        this.secrets = secrets;
        this.bodies = bodies;
        this.intake = intake;
        this.assignment = assignment;
        this.gateway = gateway;
        this.importConfig = importConfig;
        this.clock = clock;
    }

    /**
     * @throws StoreNotFoundException no store has this identifier
     * @throws WebhookSignatureRejectedException the signature is missing or wrong, or the store has no secret
     * @throws UnreadableWebhookBodyException not JSON or no readable order (recorded with its body)
     * @throws QuarantinedDeliveryException an {@code En dispatch} order that cannot be imported (quarantined)
     */
    @ActivateRequestContext
    public DeliveryResult receive(InboundDelivery delivery) {
        WebhookStore store = gateway.store(delivery.storeIdentifier())
                .orElseThrow(() -> new StoreNotFoundException(delivery.storeIdentifier()));
        verify(store, delivery);

        Instant now = clock.instant();
        EcoManagerOrder order;
        try {
            order = bodies.read(delivery.body());
        } catch (UnreadableWebhookBodyException e) {
            gateway.record(
                    store.id(), delivery, null, DeliveryOutcome.MALFORMED, e.getMessage(), null, text(delivery), now);
            throw e;
        }
        Optional<EcoManagerWebhookEvent> event = EcoManagerWebhookEvent.named(delivery.event());
        if (event.isEmpty()) {
            return record(store, delivery, order, DeliveryOutcome.UNKNOWN_EVENT, "unknown event", null);
        }
        if (stale(store, order)) {
            return record(store, delivery, order, DeliveryOutcome.STALE, "a newer version was received before", null);
        }
        if (event.get() == EcoManagerWebhookEvent.OrderDeleted) {
            // the call centre may be working it: a deletion upstream is kept for the record, not applied
            Long orderId = boxed(gateway.orderId(store.id(), order.id()));
            return record(store, delivery, order, DeliveryOutcome.RECORDED, "deleted on EcoManager", orderId);
        }
        if (!store.active()) {
            return record(store, delivery, order, DeliveryOutcome.IGNORED, "store inactive", null);
        }
        if (order.inDispatch()) {
            return take(store, delivery, order);
        }
        OptionalLong mirrored = gateway.mirror(store.id(), order, now);
        if (mirrored.isPresent()) {
            return record(store, delivery, order, DeliveryOutcome.UPDATED, null, mirrored.getAsLong());
        }
        OptionalLong existing = gateway.orderId(store.id(), order.id());
        return existing.isPresent()
                ? record(
                        store,
                        delivery,
                        order,
                        DeliveryOutcome.STALE,
                        "the order holds a newer version",
                        existing.getAsLong())
                : record(store, delivery, order, DeliveryOutcome.RECORDED, "not in En dispatch", null);
    }

    private void verify(WebhookStore store, InboundDelivery delivery) {
        Optional<String> secret = secrets.secret(store.secretEncrypted());
        if (secret.isPresent() && WebhookSignature.matches(secret.get(), delivery.body(), delivery.signature())) {
            return;
        }
        gateway.countRejection(store.id(), clock.instant());
        // never the body, the signature or the secret
        LOG.warnf(
                "EcoManager delivery for store %s refused: %s (event %s, webhook %s, %d bytes)",
                store.identifier(),
                secret.isEmpty() ? "the store has no webhook secret" : "signature missing or wrong",
                delivery.event(),
                delivery.webhookId(),
                delivery.body().length);
        throw new WebhookSignatureRejectedException(store.identifier());
    }

    /**
     * The hourly import's path, for one order. The delivery's row is written in the transaction that
     * inserts its order (the order holds the delivered version from its insert): one commit per new
     * order, then the assignment. A re-delivery does not touch the order row: a lock on it, even a
     * short one, would make the inserting delivery's assignment skip the order (it locks with SKIP
     * LOCKED).
     */
    private DeliveryResult take(WebhookStore store, InboundDelivery delivery, EcoManagerOrder order) {
        IntakeTally tally = new IntakeTally(importConfig.quarantineDetailLimit());
        Instant at = clock.instant();
        Taken taken = new Taken();
        BatchFollowUp recordImport = slot -> {
            Long orderId = slot.inserted().get(order.id());
            if (orderId != null) {
                taken.orderId = orderId;
                taken.eventId =
                        gateway.record(store.id(), delivery, order, DeliveryOutcome.IMPORTED, null, orderId, null, at);
            }
        };
        intake.take(new IntakeRequest(
                store.intakeStore(), List.of(order), 0, null, recordImport, () -> false, IntakeProgress.NONE, tally));
        if (tally.quarantined() > 0) {
            String reason = tally.quarantine().isEmpty()
                    ? "quarantined"
                    : tally.quarantine().getFirst().reason();
            record(store, delivery, order, DeliveryOutcome.QUARANTINED, reason, null);
            throw new QuarantinedDeliveryException(order.id());
        }
        if (taken.orderId == null) {
            Long orderId = boxed(gateway.orderId(store.id(), order.id()));
            return record(store, delivery, order, DeliveryOutcome.DUPLICATE, null, orderId);
        }
        if (tally.assigned() == 0 && tally.unassigned() == 0) {
            // the assignment skipped the order because another transaction held its row (it locks
            // with SKIP LOCKED so that assigners never wait): once more now, rather than at the next
            // hourly run's backlog pass
            assignment.assign(List.of(taken.orderId), null);
        }
        return new DeliveryResult(DeliveryOutcome.IMPORTED, taken.eventId);
    }

    /** What the intake's transaction wrote for the delivered order, when it inserted it. */
    private static final class Taken {
        Long orderId;
        long eventId;
    }

    private boolean stale(WebhookStore store, EcoManagerOrder order) {
        if (order.updatedAt() == null) {
            return false;
        }
        Instant newest = gateway.newestVersion(store.id(), order.id());
        return newest != null && order.updatedAt().isBefore(newest);
    }

    private DeliveryResult record(
            WebhookStore store,
            InboundDelivery delivery,
            EcoManagerOrder order,
            DeliveryOutcome outcome,
            String reason,
            Long orderId) {
        long id =
                gateway.record(store.id(), delivery, order, outcome, reason, orderId, text(delivery), clock.instant());
        return new DeliveryResult(outcome, id);
    }

    private static String text(InboundDelivery delivery) {
        // text column: a NUL byte would be refused by PostgreSQL
        return new String(delivery.body(), StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
