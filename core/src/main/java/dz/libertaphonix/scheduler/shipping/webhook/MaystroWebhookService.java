package dz.libertaphonix.scheduler.shipping.webhook;

import dz.libertaphonix.scheduler.maystro.MalformedWebhookException;
import dz.libertaphonix.scheduler.maystro.MaystroParcel;
import dz.libertaphonix.scheduler.maystro.MaystroStatus;
import dz.libertaphonix.scheduler.maystro.webhook.MaystroWebhookEvent;
import dz.libertaphonix.scheduler.maystro.webhook.MaystroWebhookReader;
import dz.libertaphonix.scheduler.orders.StatusEventSource;
import dz.libertaphonix.scheduler.shipping.changes.ShippingChange;
import dz.libertaphonix.scheduler.shipping.changes.ShippingChangeApplier;
import dz.libertaphonix.scheduler.shipping.changes.ShippingRules;
import dz.libertaphonix.scheduler.shipping.matching.OrderShippingState;
import dz.libertaphonix.scheduler.shipping.matching.ParcelMatch;
import dz.libertaphonix.scheduler.shipping.matching.ShipmentMatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Applies Maystro's {@code OrderStatusChanged} webhook through the sync's own path: the same matcher,
 * the same rules (mapping, no way out of a terminal status, {@code INCONNU (<code>)}), the same
 * compare-and-set write and {@code order_status_events} rows, with source WEBHOOK.
 *
 * <p>A delivery that cannot be applied (malformed, another event type, no matching order, several
 * orders sharing its reference) is kept in {@code inbound_events} with the body as received, for
 * someone to look at; one applied with an unknown status code is kept too. Nothing is thrown back at
 * Maystro for bad input: a retried bad delivery would only be stored again.
 */
@ApplicationScoped
public class MaystroWebhookService {

    private static final Logger LOG = Logger.getLogger(MaystroWebhookService.class);

    private final MaystroWebhookReader reader;
    private final ShipmentMatcher matcher;
    private final ShippingRules rules;
    private final ShippingChangeApplier changes;
    private final InboundEventRepository inboundEvents;
    private final Clock clock;

    public MaystroWebhookService(
            MaystroWebhookReader reader,
            ShipmentMatcher matcher,
            ShippingRules rules,
            ShippingChangeApplier changes,
            InboundEventRepository inboundEvents,
            Clock clock) {
        this.reader = reader;
        this.matcher = matcher;
        this.rules = rules;
        this.changes = changes;
        this.inboundEvents = inboundEvents;
        this.clock = clock;
    }

    /** Handles one delivery, body exactly as received. */
    public WebhookOutcome receive(String body) {
        MaystroWebhookEvent event;
        try {
            event = reader.read(body);
        } catch (MalformedWebhookException e) {
            return keep(InboundEvent.Status.MALFORMED, e.eventType(), e.getMessage(), body, null);
        }
        if (!event.statusChanged()) {
            return keep(InboundEvent.Status.UNKNOWN_EVENT, event.type(), "event type not handled", body, null);
        }
        MaystroParcel parcel = event.parcel();
        ParcelMatch match = matcher.match(List.of(parcel), null).get(0);
        if (match.outcome() == ParcelMatch.Outcome.AMBIGUOUS) {
            return keep(
                    InboundEvent.Status.UNMATCHED,
                    event.type(),
                    match.candidates().size() + " orders share reference " + parcel.externalOrderId()
                            + " and nothing tells them apart",
                    body,
                    null);
        }
        if (match.outcome() == ParcelMatch.Outcome.UNMATCHED) {
            return keep(
                    InboundEvent.Status.UNMATCHED,
                    event.type(),
                    "no order with reference " + parcel.externalOrderId() + " or tracking number "
                            + parcel.trackingNumber(),
                    body,
                    null);
        }
        OrderShippingState order = match.order();
        Optional<ShippingChange> change = rules.decide(order, parcel, null);
        boolean changed = false;
        if (change.isPresent()) {
            ShippingChangeApplier.Applied applied =
                    changes.apply(List.of(change.get()), StatusEventSource.WEBHOOK, null);
            changed = !applied.changed().isEmpty();
            if (applied.conflicts() > 0) {
                LOG.warnf(
                        "Maystro webhook for order %d lost to concurrent changes twice; the next sync settles it",
                        order.id());
            }
        }
        String reason = rules.regresses(order, parcel)
                ? "ignored: the order's parcel is already " + MaystroStatus.labelOf(order.shippingCode())
                : changed ? "applied" : "already current";
        if (!MaystroStatus.known(parcel.statusCode())) {
            String unknown = "unknown Maystro status code " + parcel.statusCode() + " stored as "
                    + MaystroStatus.labelOf(parcel.statusCode());
            LOG.warnf("Maystro webhook for order %d: %s", order.id(), unknown);
            return keep(InboundEvent.Status.APPLIED, event.type(), unknown, body, order.id(), changed);
        }
        return new WebhookOutcome(InboundEvent.Status.APPLIED, reason, order.id(), changed);
    }

    private WebhookOutcome keep(InboundEvent.Status status, String type, String reason, String body, Long orderId) {
        return keep(status, type, reason, body, orderId, false);
    }

    private WebhookOutcome keep(
            InboundEvent.Status status, String type, String reason, String body, Long orderId, boolean changed) {
        store(status, type, reason, body);
        if (status != InboundEvent.Status.APPLIED) {
            LOG.infof("Maystro webhook kept for inspection: %s (%s)", status, reason);
        }
        return new WebhookOutcome(status, reason, orderId, changed);
    }

    @Transactional
    void store(InboundEvent.Status status, String type, String reason, String body) {
        InboundEvent event = new InboundEvent();
        event.source = InboundEvent.Source.MAYSTRO;
        event.eventType = type;
        event.status = status;
        event.reason = reason;
        event.payload = body == null ? "" : body;
        event.receivedAt = clock.instant();
        inboundEvents.persist(event);
    }

    /**
     * @param status APPLIED, or why the delivery was kept instead
     * @param orderId the matched order, when there is one
     * @param changed whether the order changed (false for a repeat or a stale message)
     */
    public record WebhookOutcome(InboundEvent.Status status, String reason, Long orderId, boolean changed) {}
}
