package dz.libertaphonix.scheduler.api.http;

import dz.libertaphonix.scheduler.common.Algiers;
import dz.libertaphonix.scheduler.common.PageRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/** Reads query and path parameters, refusing what cannot be understood with a 400 that says why. */
public final class QueryParams {

    private QueryParams() {}

    /**
     * An instant: ISO-8601 with an offset ({@code 2025-07-24T08:00:00+01:00}, {@code …Z}), or a date
     * ({@code 2025-07-24}) meaning midnight in Algiers.
     */
    public static Instant instant(String name, String value) {
        if (blank(value)) {
            return null;
        }
        // an unencoded '+' in a query string arrives as a space
        String text = value.trim().replace(' ', '+');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(Algiers.ZONE).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new InvalidParameterException(
                        name, "expected an ISO-8601 date-time with offset (2025-07-24T08:00:00+01:00) or a date");
            }
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(
                    name, "expected one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'");
        }
    }

    public static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidParameterException(name, "expected a UUID");
        }
    }

    public static PageRequest page(String page, String size, AdminConfig config) {
        int number = integer("page", page, 1, 1, Integer.MAX_VALUE);
        int rows = integer("size", size, config.defaultPageSize(), 1, config.maxPageSize());
        return new PageRequest(number, rows);
    }

    public static int integer(String name, String value, int fallback, int min, int max) {
        if (blank(value)) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "expected a whole number");
        }
        if (parsed < min || parsed > max) {
            throw new InvalidParameterException(name, "must be between " + min + " and " + max);
        }
        return parsed;
    }

    /** A flag: {@code true} or {@code false} (any case); absent or empty is {@code fallback}. */
    public static boolean flag(String name, String value, boolean fallback) {
        if (blank(value)) {
            return fallback;
        }
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new InvalidParameterException(name, "expected true or false, not '" + value + "'");
    }

    public static void checkRange(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidParameterException("from", "must be before 'to'");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
