package dz.libertaphonix.scheduler.common.errors;

import java.util.Map;

/**
 * A named failure the scheduler reports to whoever asked: one of {@link NotFoundException}, {@link
 * ConflictException}, {@link InvalidInputException}, {@link UnavailableException} or {@link
 * UpstreamFailureException}, which the admin API answers by kind, not by class.
 *
 * <p>Its {@link #code()} is the {@code error.code} of the API's answer: the class name without
 * {@code Exception}, in upper snake case ({@code StoreNotFoundException} → {@code STORE_NOT_FOUND}),
 * so a named exception needs nothing but its parent. Renaming one renames its code: the API tests pin
 * every code.
 */
public abstract class SchedulerException extends RuntimeException {

    protected SchedulerException(String message) {
        super(message);
    }

    protected SchedulerException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The machine-readable name of the failure. */
    public String code() {
        return codeOf(getClass());
    }

    /** Machine-readable extras for the caller (the running run's id …); none by default. */
    public Map<String, Object> details() {
        return Map.of();
    }

    static String codeOf(Class<?> type) {
        String name = type.getSimpleName();
        if (name.endsWith("Exception")) {
            name = name.substring(0, name.length() - "Exception".length());
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }
}
