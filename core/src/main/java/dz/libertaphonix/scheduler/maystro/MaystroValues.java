package dz.libertaphonix.scheduler.maystro;

import com.fasterxml.jackson.databind.JsonNode;
import dz.libertaphonix.scheduler.common.Algiers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * Tolerant readers for the scalar fields Maystro sends in more than one shape, for the parcel list
 * and the webhook alike.
 */
public final class MaystroValues {

    // "2025-07-24T18:38:27", "2025-07-24 18:38:27.123456": no zone, so Algeria's local time
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .appendPattern("HH:mm[:ss]")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter();

    private MaystroValues() {}

    /** Text of a scalar, trimmed, null when missing, null or blank; objects and arrays as JSON. */
    public static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        String value = node.isValueNode() ? node.asText() : node.toString();
        value = value.trim();
        return value.isEmpty() ? null : value;
    }

    /** An integer sent as a number or a numeric string; null when absent or not a whole number. */
    public static Integer integer(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A timestamp with an offset, or a local date-time / date read in Africa/Algiers; null when
     * absent or unreadable. Truncated to microseconds, PostgreSQL's precision, so a value read back
     * from the database compares equal to the one Maystro sends again.
     */
    public static Instant instant(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException ignored) {
            // no offset: local time
        }
        try {
            return LocalDateTime.parse(text, LOCAL)
                    .atZone(Algiers.ZONE)
                    .toInstant()
                    .truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException ignored) {
            // maybe a bare date
        }
        try {
            return LocalDate.parse(text).atStartOfDay(Algiers.ZONE).toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    static MaystroParcel parcel(MaystroDtos.ParcelDto dto) {
        String tracking = text(dto.trackingNumber());
        String display = text(dto.displayId());
        return new MaystroParcel(
                firstText(dto.id(), dto.instanceUuid()),
                text(dto.externalOrderId()),
                integer(dto.status()),
                tracking != null ? tracking : display,
                tracking == null && display != null,
                text(dto.customerPhone()),
                instant(dto.createdAt()),
                instant(dto.orderedAt()),
                instant(dto.deliveredAt()),
                instant(dto.alertedAt()),
                text(dto.alertReason()),
                text(dto.abortReason()));
    }

    private static String firstText(JsonNode first, JsonNode second) {
        String value = text(first);
        return value != null ? value : text(second);
    }
}
