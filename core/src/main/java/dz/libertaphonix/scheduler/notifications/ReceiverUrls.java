package dz.libertaphonix.scheduler.notifications;

import java.net.URI;

/**
 * A receiver's URL as the API, the audit trail and the logs show it. Chat webhooks (Slack, Google
 * Chat, Teams) carry their credential in the path or the query, so only the scheme, the host, the
 * first path segment and the last four characters are shown: {@code
 * https://hooks.slack.com/services/…XXXX}. The full URL is used only to post.
 */
public final class ReceiverUrls {

    private ReceiverUrls() {}

    public static String masked(String url) {
        if (url == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "…";
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String rest = path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        String[] segments = path.split("/");
        boolean short_ = uri.getRawQuery() == null && segments.length <= 2;
        if (short_) {
            return origin + path;
        }
        String first = segments.length > 1 ? "/" + segments[1] : "";
        String tail = rest.length() <= 8 ? "" : rest.substring(rest.length() - 4);
        return origin + first + "/…" + tail;
    }
}
