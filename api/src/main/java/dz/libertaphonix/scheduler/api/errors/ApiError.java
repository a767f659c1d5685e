package dz.libertaphonix.scheduler.api.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The envelope of every error answer: {@code {"success": false, "error": {"code", "message"}}}.
 * {@code details} carries machine-readable extras (the running run's id, the fields that failed
 * validation) and is left out when empty.
 */
public record ApiError(boolean success, Body error) {

    public static ApiError of(String code, String message) {
        return new ApiError(false, new Body(code, message, null));
    }

    public static ApiError of(String code, String message, Map<String, Object> details) {
        return new ApiError(false, new Body(code, message, details == null || details.isEmpty() ? null : details));
    }

    public record Body(
            String code,
            String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> details) {}
}
