package dz.libertaphonix.scheduler.notifications;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a delivery's body is written: the generic JSON document, or a chat webhook's {@code {"text": …}}. */
public enum NotificationFormat {
    JSON,
    CHAT;

    /** The name in the API: {@code json}, {@code chat}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NotificationFormat> named(String name) {
        return Arrays.stream(values()).filter(f -> f.apiName().equals(name)).findFirst();
    }
}
