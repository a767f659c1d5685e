package dz.libertaphonix.scheduler.runs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An error as the ledger, the live state and the API show it: class, message and where it was thrown.
 * Never a stack trace: the dashboard shows it as it is, and the logs carry the full trace.
 */
public final class ErrorSummary {

    private static final int MAX_MESSAGE = 500;
    private static final String OUR_PACKAGE = "dz.libertaphonix.";
    // "java.util.concurrent.CompletionException: io.netty.…$AnnotatedConnectException: " in front of a
    // message: wrappers that repeat their cause's class; the words after them are what matters
    private static final Pattern CLASS_PREFIX =
            Pattern.compile("^(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Throwable)?:\\s*");

    private ErrorSummary() {}

    /** {@code {class, message, where}} of a failure. */
    public static Map<String, String> of(Throwable failure) {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("class", failure.getClass().getSimpleName());
        summary.put("message", message(failure));
        String where = where(failure);
        if (where != null) {
            summary.put("where", where);
        }
        return summary;
    }

    /** {@code {class, message}} of a failure the job reported itself, or the runner decided. */
    public static Map<String, String> reported(String kind, String message) {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("class", kind);
        summary.put("message", truncate(message == null ? "" : message));
        return summary;
    }

    /** {@code SimpleName: message} on one line. */
    public static String oneLine(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + message(failure);
    }

    /** One line from a summary, for the live state. */
    public static String oneLine(Map<String, String> summary) {
        if (summary == null) {
            return null;
        }
        String kind = summary.get("class");
        String message = summary.getOrDefault("message", "");
        return kind == null ? message : kind + ": " + message;
    }

    /**
     * The first non-blank message along the cause chain, on one line and bounded, without the class
     * names that wrapping exceptions put in front of their cause's message.
     */
    static String message(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                return truncate(withoutClassNames(message));
            }
        }
        return "(no message)";
    }

    static String withoutClassNames(String message) {
        String words = message.strip();
        String previous;
        do {
            previous = words;
            words = CLASS_PREFIX.matcher(words).replaceFirst("");
        } while (!words.equals(previous) && !words.isEmpty());
        return words.isEmpty() ? message.strip() : words;
    }

    /** The innermost frame of our own code along the cause chain, else the throwing frame. */
    private static String where(Throwable failure) {
        String fallback = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            StackTraceElement[] frames = t.getStackTrace();
            if (fallback == null && frames.length > 0) {
                fallback = format(frames[0]);
            }
            for (StackTraceElement frame : frames) {
                if (frame.getClassName().startsWith(OUR_PACKAGE)) {
                    return format(frame);
                }
            }
        }
        return fallback;
    }

    private static String format(StackTraceElement frame) {
        String className = frame.getClassName();
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple + "." + frame.getMethodName() + (frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "");
    }

    private static String truncate(String message) {
        String line = message.replaceAll("\\s+", " ").trim();
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
