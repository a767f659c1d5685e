package dz.libertaphonix.scheduler.api.webhooks;

import dz.libertaphonix.scheduler.api.errors.ApiError;
import dz.libertaphonix.scheduler.ecomanager.UnreadableWebhookBodyException;
import dz.libertaphonix.scheduler.importing.webhook.DeliveryResult;
import dz.libertaphonix.scheduler.importing.webhook.EcoManagerDeliveries;
import dz.libertaphonix.scheduler.importing.webhook.InboundDelivery;
import dz.libertaphonix.scheduler.importing.webhook.QuarantinedDeliveryException;
import dz.libertaphonix.scheduler.importing.webhook.WebhookSignatureRejectedException;
import dz.libertaphonix.scheduler.importing.webhook.WebhooksConfig;
import dz.libertaphonix.scheduler.stores.StoreNotFoundException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * EcoManager's webhook deliveries: {@code GET|POST /webhooks/ecomanager/{storeIdentifier}}, outside
 * {@code /api} and without a JWT (the HMAC signature is the authentication). GET is EcoManager's
 * validation of the URL (200). A POST is checked in this order: size (413), store (404), signature
 * over the raw bytes (401), body (400), and then taken in by {@link EcoManagerDeliveries}.
 */
@Path("/webhooks/ecomanager/{storeIdentifier}")
@PermitAll
public class EcoManagerWebhookResource {

    private final EcoManagerDeliveries deliveries;
    private final WebhooksConfig config;

    public EcoManagerWebhookResource(EcoManagerDeliveries deliveries, WebhooksConfig config) {
        this.deliveries = deliveries;
        this.config = config;
    }

    /** EcoManager sends a GET when a webhook is created or activated and expects 200. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response validate(@PathParam("storeIdentifier") String storeIdentifier) {
        return Response.ok(new Answer("OK")).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(
            @PathParam("storeIdentifier") String storeIdentifier,
            @HeaderParam("X-Ecomanager-Signature") String signature,
            @HeaderParam("X-Ecomanager-Event") String event,
            @HeaderParam("X-Ecomanager-Webhook-ID") String webhookId,
            @HeaderParam("X-Ecomanager-Source") String source,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        int limit = config.maxBodyBytes();
        if ((length != null && length > limit) || raw.length > limit) {
            return error(413, "PAYLOAD_TOO_LARGE", "the delivery is larger than " + limit + " bytes");
        }
        try {
            DeliveryResult result =
                    deliveries.receive(new InboundDelivery(storeIdentifier, event, webhookId, source, signature, raw));
            return Response.ok(new Answer(result.outcome().name())).build();
        } catch (StoreNotFoundException e) {
            return error(404, "STORE_NOT_FOUND", "no store " + storeIdentifier);
        } catch (WebhookSignatureRejectedException e) {
            return error(401, "INVALID_SIGNATURE", "the X-Ecomanager-Signature header is missing or wrong");
        } catch (UnreadableWebhookBodyException e) {
            return error(400, "MALFORMED_DELIVERY", e.getMessage() + "; it is kept for inspection");
        } catch (QuarantinedDeliveryException e) {
            return error(400, "ORDER_QUARANTINED", e.getMessage());
        }
    }

    private static Response error(int status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(code, message))
                .build();
    }

    /** What EcoManager gets back: the outcome, nothing about our orders. */
    @RegisterForReflection
    public record Answer(String outcome) {}
}
