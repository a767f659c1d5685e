package dz.libertaphonix.scheduler.schedule;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Quartz cron expressions as the scheduler uses them: validated, evaluated in a time zone, described
 * in words, and translated to the UTC EventBridge form a rule needs.
 */
public final class CronSchedules {

    private static final CronParser QUARTZ =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private CronSchedules() {}

    /** Parses and validates a Quartz expression; it must fire on whole minutes (second field 0). */
    public static Cron parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidCronException("cron expression is empty");
        }
        String trimmed = expression.trim().replaceAll("\\s+", " ");
        Cron cron;
        try {
            cron = QUARTZ.parse(trimmed).validate();
        } catch (IllegalArgumentException e) {
            throw new InvalidCronException("not a valid Quartz cron expression: " + e.getMessage());
        }
        String[] fields = trimmed.split(" ");
        if (!"0".equals(fields[0])) {
            throw new InvalidCronException("the seconds field must be 0: schedules fire on whole minutes");
        }
        return cron;
    }

    /** The next {@code count} fire times strictly after {@code after}, in {@code zone}. */
    public static List<ZonedDateTime> nextFireTimes(String expression, ZoneId zone, Instant after, int count) {
        ExecutionTime execution = ExecutionTime.forCron(parse(expression));
        List<ZonedDateTime> times = new ArrayList<>(count);
        ZonedDateTime cursor = after.atZone(zone);
        for (int i = 0; i < count; i++) {
            Optional<ZonedDateTime> next = execution.nextExecution(cursor);
            if (next.isEmpty()) {
                break;
            }
            times.add(next.get());
            cursor = next.get();
        }
        return times;
    }

    /**
     * The fire times in {@code [from, until)}, in order, at most {@code limit} of them: a schedule's
     * past, for telling which fires had no run.
     */
    public static List<Instant> fireTimesBetween(
            String expression, ZoneId zone, Instant from, Instant until, int limit) {
        ExecutionTime execution = ExecutionTime.forCron(parse(expression));
        List<Instant> times = new ArrayList<>();
        // whole minutes: a second before the start lets a fire at the start itself count
        ZonedDateTime cursor = from.minusSeconds(1).atZone(zone);
        while (times.size() < limit) {
            Optional<ZonedDateTime> next = execution.nextExecution(cursor);
            if (next.isEmpty() || !next.get().toInstant().isBefore(until)) {
                break;
            }
            if (!next.get().toInstant().isBefore(from)) {
                times.add(next.get().toInstant());
            }
            cursor = next.get();
        }
        return times;
    }

    public static Optional<ZonedDateTime> nextFireTime(String expression, ZoneId zone, Instant after) {
        return nextFireTimes(expression, zone, after, 1).stream().findFirst();
    }

    /** The schedule in English words, e.g. "every hour between 8 and 20". */
    public static String describe(String expression) {
        return CronDescriptor.instance(Locale.ENGLISH).describe(parse(expression));
    }

    /**
     * The EventBridge expression ({@code cron(min hour dom month dow year)}, UTC) that fires at the
     * same instants as the Quartz {@code expression} read in {@code zone}. Only exact translations
     * are returned: the zone must have a whole-hour offset with no transition ahead (Algeria: UTC+1
     * all year), and when shifting the hours crosses midnight the day fields must be unrestricted.
     */
    public static String toEventBridgeUtc(String expression, ZoneId zone) {
        parse(expression);
        String[] fields = expression.trim().split("\\s+");
        String minutes = fields[1];
        String hours = fields[2];
        String dayOfMonth = fields[3];
        String month = fields[4];
        String dayOfWeek = fields[5];
        String year = fields.length > 6 ? fields[6] : "*";

        ZoneRules rules = zone.getRules();
        Instant now = Instant.now();
        if (rules.nextTransition(now) != null) {
            throw new InvalidCronException(zone + " changes its UTC offset: a fixed UTC rule cannot follow it");
        }
        ZoneOffset offset = rules.getOffset(now);
        if (offset.getTotalSeconds() % 3600 != 0) {
            throw new InvalidCronException(zone + " is not a whole number of hours from UTC");
        }
        int shift = offset.getTotalSeconds() / 3600;

        String utcHours;
        if ("*".equals(hours)) {
            utcHours = "*";
        } else {
            TreeSet<Integer> local = expandHours(hours);
            TreeSet<Integer> utc = new TreeSet<>();
            boolean crossesMidnight = false;
            for (int hour : local) {
                int shifted = hour - shift;
                if (shifted < 0 || shifted > 23) {
                    crossesMidnight = true;
                }
                utc.add(Math.floorMod(shifted, 24));
            }
            if (crossesMidnight && !(unrestricted(dayOfMonth) && unrestricted(dayOfWeek))) {
                throw new InvalidCronException(
                        "this schedule crosses midnight in UTC while restricting the day: it cannot be expressed exactly as an EventBridge rule");
            }
            utcHours = compress(utc);
        }
        if (minutes.startsWith("*/")) {
            minutes = "0/" + minutes.substring(2);
        }
        return "cron(" + minutes + " " + utcHours + " " + dayOfMonth + " " + month + " " + dayOfWeek + " " + year + ")";
    }

    private static boolean unrestricted(String dayField) {
        return "*".equals(dayField) || "?".equals(dayField);
    }

    static TreeSet<Integer> expandHours(String field) {
        TreeSet<Integer> hours = new TreeSet<>();
        for (String part : field.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(part.substring(slash + 1));
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if ("*".equals(range)) {
                from = 0;
                to = 23;
            } else if (range.contains("-")) {
                String[] bounds = range.split("-");
                from = Integer.parseInt(bounds[0]);
                to = Integer.parseInt(bounds[1]);
            } else {
                from = Integer.parseInt(range);
                to = slash >= 0 ? 23 : from;
            }
            if (from > to) {
                throw new InvalidCronException(
                        "hour range " + range + " wraps around midnight; write it as two ranges");
            }
            for (int hour = from; hour <= to; hour += step) {
                hours.add(hour);
            }
        }
        return hours;
    }

    /** {5, 11, 17, 23} → "5,11,17,23"; {7..19} → "7-19". */
    static String compress(TreeSet<Integer> hours) {
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer previous = null;
        for (int hour : hours) {
            if (start == null) {
                start = hour;
            } else if (hour != previous + 1) {
                parts.add(range(start, previous));
                start = hour;
            }
            previous = hour;
        }
        if (start != null) {
            parts.add(range(start, previous));
        }
        return String.join(",", parts);
    }

    private static String range(int from, int to) {
        if (from == to) {
            return Integer.toString(from);
        }
        return to == from + 1 ? from + "," + to : from + "-" + to;
    }
}
