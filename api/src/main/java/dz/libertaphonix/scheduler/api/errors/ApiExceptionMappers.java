package dz.libertaphonix.scheduler.api.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dz.libertaphonix.scheduler.api.http.PayloadTooLargeException;
import dz.libertaphonix.scheduler.common.errors.ConflictException;
import dz.libertaphonix.scheduler.common.errors.InvalidInputException;
import dz.libertaphonix.scheduler.common.errors.NotFoundException;
import dz.libertaphonix.scheduler.common.errors.UnavailableException;
import dz.libertaphonix.scheduler.common.errors.UpstreamFailureException;
import dz.libertaphonix.scheduler.common.outage.Outages;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error the admin API answers, as {@code {"success": false, "error": {"code", "message"}}}
 * with the right status. The scheduler's own failures are answered by kind (not found 404, conflict
 * 409, invalid input 400, unavailable 503), with the exception's code and details; the rest are
 * narrow mappers of the framework's exceptions. Bad input is always a 4xx with a reason, and no
 * answer ever carries a stack trace, a class name or a secret. Anything unforeseen is a 500 with a
 * reference to find it in the logs.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    // --- authentication and authorisation -----------------------------------------------------

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of("UNAUTHORIZED", "a valid bearer token is required"))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return error(403, "FORBIDDEN", "your role does not allow this operation");
    }

    // --- the scheduler's own failures, by kind ---------------------------------------------------

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return error(404, e.code(), e.getMessage(), e.details());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return error(409, e.code(), e.getMessage(), e.details());
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return error(400, e.code(), e.getMessage(), e.details());
    }

    /** PostgreSQL, Redis or EventBridge unreachable: whatever the call needed from it was not done. */
    @ServerExceptionMapper
    public Response unavailable(UnavailableException e) {
        LOG.warnf("answered 503 %s: %s", e.code(), e.getMessage());
        return error(503, e.code(), e.advice());
    }

    /** EcoManager or Maystro failed a call made for the request (registering a webhook, say). */
    @ServerExceptionMapper
    public Response upstreamFailure(UpstreamFailureException e) {
        LOG.warnf("answered 502 %s: %s", e.code(), e.getMessage());
        return error(502, e.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e) {
        return error(409, "CONCURRENT_UPDATE", "the record was changed by someone else meanwhile; reload and retry");
    }

    // --- request bodies ------------------------------------------------------------------------

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        if (BodyErrors.violatedByAnswer(e)) {
            // our own answer broke its contract: a server fault, not the caller's
            return unexpected(e);
        }
        BodyErrors.Violations violations = BodyErrors.violations(e);
        return error(400, "VALIDATION_FAILED", violations.message(), Map.of("violations", violations.list()));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return error(400, "MALFORMED_JSON", "the request body is not valid JSON");
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String field = BodyErrors.path(e);
        String message = field.isEmpty()
                ? "the request body does not have the expected shape"
                : "field '" + field + "' has the wrong type";
        return error(400, "INVALID_TYPE", message);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return error(400, "MALFORMED_JSON", "the request body could not be read as the expected JSON");
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e) {
        return error(413, "PAYLOAD_TOO_LARGE", e.getMessage());
    }

    /** JAX-RS' own refusals: no such path (404), wrong method (405), wrong media type (415) … */
    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        // the JSON reader reports a body it cannot parse as a 400 wrapping Jackson's exception
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException mismatch) {
                return wrongType(mismatch);
            }
            if (cause instanceof JsonProcessingException) {
                return malformedJson(null);
            }
        }
        return switch (status) {
            case 400 -> error(400, "BAD_REQUEST", "the request could not be understood");
            case 401 -> unauthorized(new UnauthorizedException());
            case 403 -> forbidden(new ForbiddenException());
            case 404 -> error(404, "NOT_FOUND", "no such resource");
            case 405 -> error(405, "METHOD_NOT_ALLOWED", "this method is not allowed here");
            case 406 -> error(406, "NOT_ACCEPTABLE", "the API answers application/json");
            case 413 -> error(413, "PAYLOAD_TOO_LARGE", "the request body is too large");
            case 415 -> error(415, "UNSUPPORTED_MEDIA_TYPE", "send the body as application/json");
            default -> error(status, "HTTP_" + status, "the request was refused");
        };
    }

    // --- anything else -------------------------------------------------------------------------

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        // a dead database reaches the API wrapped by whichever layer met it first (Hibernate, Narayana,
        // Agroal): it is an outage, not a fault of ours
        Optional<RuntimeException> outage = Outages.named(e, "answering the request");
        if (outage.isPresent() && outage.get() instanceof UnavailableException unavailable) {
            return unavailable(unavailable);
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, reference %s", reference);
        return error(500, "INTERNAL_ERROR", "unexpected error; reference " + reference);
    }

    private static Response error(int status, String code, String message) {
        return error(status, code, message, null);
    }

    private static Response error(int status, String code, String message, Map<String, Object> details) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(code, message, details))
                .build();
    }
}
