package dz.libertaphonix.scheduler.notifications;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The language of a chat message's text: French (the team's default) or English. */
public enum ChatLanguage {
    FR,
    EN;

    /** The name in the API: {@code fr}, {@code en}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChatLanguage> named(String name) {
        return Arrays.stream(values()).filter(l -> l.apiName().equals(name)).findFirst();
    }
}
