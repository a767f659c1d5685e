package dz.libertaphonix.scheduler.api.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dz.libertaphonix.scheduler.agents.AgentAlreadyExistsException;
import dz.libertaphonix.scheduler.agents.AgentNotFoundException;
import dz.libertaphonix.scheduler.api.admin.InvalidParameterException;
import dz.libertaphonix.scheduler.api.admin.PayloadTooLargeException;
import dz.libertaphonix.scheduler.api.admin.RunNotFoundException;
import dz.libertaphonix.scheduler.api.admin.UnknownJobException;
import dz.libertaphonix.scheduler.api.aws.ScheduleControlUnavailableException;
import dz.libertaphonix.scheduler.common.outage.DatabaseUnavailableException;
import dz.libertaphonix.scheduler.common.outage.Outages;
import dz.libertaphonix.scheduler.common.outage.RedisUnavailableException;
import dz.libertaphonix.scheduler.runs.JobAlreadyRunningException;
import dz.libertaphonix.scheduler.schedule.InvalidCronException;
import dz.libertaphonix.scheduler.stores.StoreAlreadyExistsException;
import dz.libertaphonix.scheduler.stores.StoreNotFoundException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error the admin API answers, as {@code {"success": false, "error": {"code", "message"}}}
 * with the right status. Each mapper is narrow; bad input is always a 4xx with a reason, and no
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

    // --- not found ---------------------------------------------------------------------------

    @ServerExceptionMapper
    public Response unknownJob(UnknownJobException e) {
        return error(404, "UNKNOWN_JOB", e.getMessage());
    }

    @ServerExceptionMapper
    public Response runNotFound(RunNotFoundException e) {
        return error(404, "RUN_NOT_FOUND", e.getMessage());
    }

    @ServerExceptionMapper
    public Response storeNotFound(StoreNotFoundException e) {
        return error(404, "STORE_NOT_FOUND", e.getMessage());
    }

    @ServerExceptionMapper
    public Response agentNotFound(AgentNotFoundException e) {
        return error(404, "AGENT_NOT_FOUND", e.getMessage());
    }

    // --- conflicts ---------------------------------------------------------------------------

    @ServerExceptionMapper
    public Response alreadyRunning(JobAlreadyRunningException e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("job", e.job().id());
        details.put("runId", e.runningRunId());
        return error(409, "JOB_ALREADY_RUNNING", e.getMessage(), details);
    }

    @ServerExceptionMapper
    public Response storeExists(StoreAlreadyExistsException e) {
        return error(409, "STORE_ALREADY_EXISTS", e.getMessage());
    }

    @ServerExceptionMapper
    public Response agentExists(AgentAlreadyExistsException e) {
        return error(409, "AGENT_ALREADY_EXISTS", e.getMessage());
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e) {
        return error(409, "CONCURRENT_UPDATE", "the record was changed by someone else meanwhile; reload and retry");
    }

    // --- bad input ---------------------------------------------------------------------------

    @ServerExceptionMapper
    public Response invalidCron(InvalidCronException e) {
        return error(400, "INVALID_CRON", e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return error(400, "INVALID_PARAMETER", e.getMessage(), Map.of("parameter", e.parameter()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Map<String, Object>> violations = new ArrayList<>();
        boolean returnValue = false;
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            returnValue |= isReturnValue(violation.getPropertyPath());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", field(violation.getPropertyPath()));
            entry.put("message", violation.getMessage());
            violations.add(entry);
        }
        if (returnValue) {
            // our own answer broke its contract: a server fault, not the caller's
            return unexpected(e);
        }
        violations.sort(Comparator.comparing(v -> String.valueOf(v.get("field"))));
        String message = violations.stream()
                .map(v -> v.get("field") + " " + v.get("message"))
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return error(400, "VALIDATION_FAILED", message, Map.of("violations", violations));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return error(400, "MALFORMED_JSON", "the request body is not valid JSON");
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String field = path(e);
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

    // --- upstream and infrastructure ------------------------------------------------------------

    @ServerExceptionMapper
    public Response scheduleControlUnavailable(ScheduleControlUnavailableException e) {
        return error(503, "SCHEDULE_CONTROL_UNAVAILABLE", e.getMessage());
    }

    /** Redis (live run state, run locks, rate budgets) unreachable: the run locks and states cannot be read. */
    @ServerExceptionMapper
    public Response runStateUnavailable(RedisUnavailableException e) {
        LOG.warnf("answered 503 RUN_STATE_UNAVAILABLE: %s", e.getMessage());
        return error(
                503, "RUN_STATE_UNAVAILABLE", "the live run state (Redis) cannot be read right now; retry shortly");
    }

    /** PostgreSQL unreachable: whatever the call needed from it was not done. */
    @ServerExceptionMapper
    public Response databaseUnavailable(DatabaseUnavailableException e) {
        LOG.warnf("answered 503 DATABASE_UNAVAILABLE: %s", e.getMessage());
        return error(
                503,
                "DATABASE_UNAVAILABLE",
                "the database cannot be reached right now; nothing was done; retry shortly");
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        // a dead database reaches the API wrapped by whichever layer met it first (Hibernate, Narayana,
        // Agroal): it is an outage, not a fault of ours
        Optional<RuntimeException> outage = Outages.named(e, "answering the request");
        if (outage.isPresent()) {
            return outage.get() instanceof RedisUnavailableException redis
                    ? runStateUnavailable(redis)
                    : databaseUnavailable((DatabaseUnavailableException) outage.get());
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, reference %s", reference);
        return error(500, "INTERNAL_ERROR", "unexpected error; reference " + reference, null);
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

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** {@code create.request.name} → {@code name}: the caller knows fields, not our method names. */
    private static String field(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                names.add(node.getName());
            } else if (node.getKind() == ElementKind.PARAMETER) {
                names.clear();
                names.add(node.getName());
            }
        }
        if (names.size() > 1 && !names.isEmpty()) {
            // a body parameter's name is noise in front of its fields
            names.remove(0);
        }
        return String.join(".", names);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
