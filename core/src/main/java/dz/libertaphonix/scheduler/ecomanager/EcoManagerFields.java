package dz.libertaphonix.scheduler.ecomanager;

import com.fasterxml.jackson.databind.JsonNode;
import dz.libertaphonix.scheduler.common.Algiers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tolerant readers for the fields of an EcoManager order: numbers sent as strings ({@code "3 500,00"},
 * {@code "3500.00 DA"}), dates in two forms without a zone. A field that cannot be read adds a
 * problem to the order's list instead of failing it.
 */
final class EcoManagerFields {

    // "2025-07-24T18:38:27", "2025-07-24 18:38:27", optionally with fractions of a second
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter();
    private static final Pattern CURRENCY = Pattern.compile("(?i)\\s*(da|dzd|دج)\\s*$");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u202f']");

    private EcoManagerFields() {}

    static Long positiveLong(JsonNode node, String field, List<String> problems) {
        if (node == null || node.isNull()) {
            problems.add("missing " + field);
            return null;
        }
        BigDecimal value = decimal(node);
        if (value == null) {
            problems.add(field + " is not a number: " + abbreviate(node));
            return null;
        }
        try {
            long exact = value.stripTrailingZeros().longValueExact();
            if (exact <= 0) {
                problems.add(field + " is not positive: " + abbreviate(node));
                return null;
            }
            return exact;
        } catch (ArithmeticException e) {
            problems.add(field + " is not a whole number: " + abbreviate(node));
            return null;
        }
    }

    static BigDecimal amount(JsonNode node, String field, List<String> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        BigDecimal value = decimal(node);
        if (value == null) {
            problems.add(field + " is not a number: " + abbreviate(node));
            return null;
        }
        if (value.signum() < 0) {
            problems.add(field + " is negative: " + abbreviate(node));
            return null;
        }
        if (value.precision() - value.scale() > 10) {
            problems.add(field + " is implausibly large: " + abbreviate(node));
            return null;
        }
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /** A JSON number, or a string such as {@code "3500"}, {@code "3 500,00"} or {@code "3500.00 DA"}. */
    static BigDecimal decimal(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (!node.isTextual()) {
            return null;
        }
        String text =
                SPACES.matcher(CURRENCY.matcher(node.asText()).replaceAll("")).replaceAll("");
        if (text.isEmpty()) {
            return null;
        }
        int comma = text.indexOf(',');
        int dot = text.indexOf('.');
        if (comma >= 0 && dot >= 0) {
            // "3,500.00": the comma groups thousands
            text = text.replace(",", "");
        } else if (comma >= 0 && text.indexOf(',', comma + 1) < 0) {
            // "3500,50": a decimal comma
            text = text.replace(',', '.');
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Both forms EcoManager sends, without a zone, read as Algiers time; an explicit offset is honoured. */
    static Instant instant(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, LOCAL).atZone(Algiers.ZONE).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the other forms below
        }
        try {
            return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException ignored) {
            // try a bare date
        }
        try {
            return LocalDate.parse(text).atStartOfDay(Algiers.ZONE).toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String value = node.asText().strip();
        return value.isEmpty() ? null : value;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
