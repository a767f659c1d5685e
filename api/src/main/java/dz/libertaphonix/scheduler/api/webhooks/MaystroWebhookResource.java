package dz.libertaphonix.scheduler.api.webhooks;

import dz.libertaphonix.scheduler.maystro.config.MaystroConfig;
import dz.libertaphonix.scheduler.shipping.webhook.InboundEvent;
import dz.libertaphonix.scheduler.shipping.webhook.MaystroWebhookService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Maystro's status webhook: {@code POST /webhooks/maystro/<secret>}. Maystro signs nothing, so the
 * unguessable path segment ({@code scheduler.maystro.webhook-secret}) is the only proof of origin; a
 * wrong one gets a bare 404, as if nothing were here. The body is handed, as received, to
 * {@link MaystroWebhookService}: 200 when applied, 202 when kept for inspection (never an error for
 * bad input, which Maystro would only retry).
 */
@Path("/webhooks/maystro/{secret}")
@PermitAll
public class MaystroWebhookResource {

    private final MaystroConfig config;
    private final MaystroWebhookService webhook;

    public MaystroWebhookResource(MaystroConfig config, MaystroWebhookService webhook) {
        this.config = config;
        this.webhook = webhook;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("secret") String secret, String body) {
        if (!knows(secret)) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        MaystroWebhookService.WebhookOutcome outcome = webhook.receive(body == null ? "" : body);
        boolean applied = outcome.status() == InboundEvent.Status.APPLIED;
        return Response.status(applied ? Response.Status.OK : Response.Status.ACCEPTED)
                .entity(new Answer(outcome.status().name(), outcome.changed()))
                .build();
    }

    /** Compares digests, so neither the content nor the length of the secret leaks through timing. */
    private boolean knows(String candidate) {
        Optional<String> secret = config.webhookSecret().filter(s -> !s.isBlank());
        if (secret.isEmpty() || candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(secret.get()), sha256(candidate));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** What Maystro gets back: the outcome, nothing about our orders. */
    @RegisterForReflection
    public record Answer(String status, boolean changed) {}
}
