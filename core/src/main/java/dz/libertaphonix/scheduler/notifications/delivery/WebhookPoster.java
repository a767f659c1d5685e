package dz.libertaphonix.scheduler.notifications.delivery;

import dz.libertaphonix.scheduler.notifications.NotificationsConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/**
 * One POST of a delivery to its receiver, bounded by the connect and request timeouts; the answer's
 * body is discarded. Never throws: every failure is an {@link Attempt} saying why.
 */
@ApplicationScoped
public class WebhookPoster {

    private final NotificationsConfig config;
    private final HttpClient client;

    public WebhookPoster(NotificationsConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                // a receiver's redirect is not followed: the signed body goes only where the admin said
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Attempt post(Notification notification) {
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(notification.url()))
                    .timeout(config.requestTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "LibertaPhonix-Scheduler-Notifications/1")
                    .header(Notification.EVENT_HEADER, notification.event())
                    .header(
                            Notification.DELIVERY_HEADER,
                            notification.deliveryId().toString())
                    .header(Notification.SIGNATURE_HEADER, notification.signature())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(notification.body()))
                    .build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            long millis = millisSince(started);
            if (status >= 200 && status < 300) {
                return new Attempt(status, null, false, millis);
            }
            boolean retryable = status == 408 || status == 429 || status >= 500;
            return new Attempt(status, "the receiver answered HTTP " + status, retryable, millis);
        } catch (HttpConnectTimeoutException e) {
            return failed("no connection within " + config.connectTimeout().toMillis() + " ms", started);
        } catch (HttpTimeoutException e) {
            return failed("no answer within " + config.requestTimeout().toMillis() + " ms", started);
        } catch (IOException e) {
            return failed("unreachable (" + describe(e) + ")", started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted", started);
        } catch (IllegalArgumentException e) {
            return new Attempt(null, "not a usable URL", false, millisSince(started));
        }
    }

    @PreDestroy
    void close() {
        client.shutdownNow();
    }

    private static Attempt failed(String error, long started) {
        return new Attempt(null, error, true, millisSince(started));
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
