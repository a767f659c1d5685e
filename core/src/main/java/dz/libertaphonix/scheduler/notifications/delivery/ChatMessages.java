package dz.libertaphonix.scheduler.notifications.delivery;

import dz.libertaphonix.scheduler.common.Algiers;
import dz.libertaphonix.scheduler.events.CredentialsRejected;
import dz.libertaphonix.scheduler.events.RunEvent;
import dz.libertaphonix.scheduler.events.RunMissed;
import dz.libertaphonix.scheduler.events.RunOutcome;
import dz.libertaphonix.scheduler.events.SchedulerEvent;
import dz.libertaphonix.scheduler.notifications.ChatLanguage;
import dz.libertaphonix.scheduler.notifications.NotificationEvent;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one-line text of a chat message (Slack, Google Chat and Teams incoming webhooks all show {@code
 * {"text": …}}), in French or English, with the link to the run in the dashboard. Times are Algiers
 * times: the team reads them there.
 */
final class ChatMessages {

    private static final DateTimeFormatter FR_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int ERROR_CHARS = 300;

    private ChatMessages() {}

    static String text(ChatLanguage language, NotificationEvent kind, SchedulerEvent event, String link) {
        boolean fr = language == ChatLanguage.FR;
        String text =
                switch (event) {
                    case RunEvent run -> runText(fr, kind, run.run());
                    case RunMissed missed ->
                        fr
                                ? "⏰ " + missed.job().id() + " n'a pas tourné à l'heure prévue ("
                                        + time(true, missed.fireTime()) + ", heure d'Alger)."
                                : "⏰ " + missed.job().id() + " did not run when scheduled ("
                                        + time(false, missed.fireTime()) + ", Algiers time).";
                    case CredentialsRejected rejected -> credentialsText(fr, rejected);
                    default -> event.detailType();
                };
        return link == null ? text : text + " " + link;
    }

    static String testText(ChatLanguage language, String link) {
        String text = language == ChatLanguage.FR
                ? "🔔 Test : les notifications du planificateur LibertaPhonix arrivent bien ici."
                : "🔔 Test: LibertaPhonix Scheduler notifications reach this channel.";
        return link == null ? text : text + " " + link;
    }

    private static String runText(boolean fr, NotificationEvent kind, RunOutcome run) {
        String job = run.job().id();
        String seconds = Math.max(0, run.durationMs() / 1000) + " s";
        String counts = counts(run.counts());
        return switch (kind) {
            case SYNC_FAILED ->
                (fr
                                ? "❌ " + job + " a échoué (" + run.status() + ", " + seconds + ")"
                                : "❌ " + job + " failed (" + run.status() + ", " + seconds + ")")
                        + (run.error() == null ? "." : (fr ? " : " : ": ") + shorten(run.error()) + ".");
            case SYNC_PARTIAL ->
                (fr
                                ? "⚠️ " + job + " s'est terminé partiellement (" + seconds + ")"
                                : "⚠️ " + job + " ended partially (" + seconds + ")")
                        + (counts.isEmpty() ? "" : " — " + counts)
                        + (run.error() == null ? "." : (fr ? " : " : ": ") + shorten(run.error()) + ".");
            default ->
                (fr ? "✅ " + job + " a réussi (" + seconds + ")" : "✅ " + job + " succeeded (" + seconds + ")")
                        + (counts.isEmpty() ? "." : " — " + counts + ".");
        };
    }

    private static String credentialsText(boolean fr, CredentialsRejected rejected) {
        boolean store = rejected.kind() == CredentialsRejected.Kind.STORE;
        if (fr) {
            return "🔑 "
                    + (store ? "EcoManager a refusé le jeton de la boutique " : "Maystro a refusé la clé du compte ")
                    + rejected.account() + " (HTTP " + rejected.httpStatus() + ")"
                    + (store
                            ? " : la boutique n'est plus importée tant que le jeton n'est pas remplacé."
                            : " : remplacez la clé du compte.");
        }
        return "🔑 " + (store ? "EcoManager refused the token of store " : "Maystro refused the key of account ")
                + rejected.account() + " (HTTP " + rejected.httpStatus() + ")"
                + (store ? ": the store is not imported until its token is replaced." : ": replace the account's key.");
    }

    private static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue() != 0)
                .limit(6)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String shorten(String error) {
        return error.length() <= ERROR_CHARS ? error : error.substring(0, ERROR_CHARS - 1) + "…";
    }

    private static String time(boolean fr, Instant instant) {
        return (fr ? FR_TIME : EN_TIME).format(instant.atZone(Algiers.ZONE));
    }
}
