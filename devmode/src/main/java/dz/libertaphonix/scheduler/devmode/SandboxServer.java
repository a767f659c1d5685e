package dz.libertaphonix.scheduler.devmode;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Serves the sandbox upstreams on a port of their own in dev mode, as real upstreams are: the jobs
 * call another host, never the app they run in. Same answers as {@link SandboxResource}, which
 * stays for curl on the main port.
 */
@ApplicationScoped
@IfBuildProperty(name = "scheduler.sandbox.server", stringValue = "true")
public class SandboxServer {

    private static final Logger LOG = Logger.getLogger(SandboxServer.class);
    private static final Pattern ORDERS = Pattern.compile("/sandbox/ecomanager/([A-Z0-9_-]+)/api/shop/v2/orders/?");
    private static final Pattern WEBHOOKS =
            Pattern.compile("/sandbox/ecomanager/([A-Z0-9_-]+)/api/shop/v2/webhooks(?:/([0-9]+))?/?");
    private static final Pattern PARCELS = Pattern.compile("/sandbox/maystro/api/stores/orders/?");

    private final Vertx vertx;
    private final SandboxResource sandbox;
    private final SandboxWebhooks webhooks;
    private final ObjectMapper json;
    private final int port;
    private HttpServer server;

    public SandboxServer(
            Vertx vertx,
            SandboxResource sandbox,
            SandboxWebhooks webhooks,
            ObjectMapper json,
            @ConfigProperty(name = "scheduler.sandbox.port", defaultValue = "8089") int port) {
        this.vertx = vertx;
        this.sandbox = sandbox;
        this.webhooks = webhooks;
        this.json = json;
        this.port = port;
    }

    void start(@Observes StartupEvent event) {
        server = vertx.createHttpServer()
                // the body first (a webhook registration has one), then the answer on a worker thread
                .requestHandler(request -> request.body()
                        .onComplete(read -> vertx.<Void>executeBlocking(
                                () -> {
                                    answer(
                                            request,
                                            read.succeeded() ? read.result().toString() : null);
                                    return null;
                                },
                                false)))
                .listen(port, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .join();
        LOG.infof("sandbox EcoManager and Maystro on http://localhost:%d/sandbox/...", port);
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.close();
        }
    }

    private void answer(HttpServerRequest request, String requestBody) {
        String base = "http://localhost:" + port + "/";
        String authorization = request.getHeader("Authorization");
        int status = 200;
        Object body;
        String retryAfter = null;
        try {
            Matcher orders = ORDERS.matcher(request.path());
            Matcher hooks = WEBHOOKS.matcher(request.path());
            if (hooks.matches()) {
                body = webhooks.answer(
                        request.method().name(), hooks.group(1), hooks.group(2), authorization, requestBody);
            } else if (orders.matches()) {
                body = sandbox.ecoManagerPage(
                        orders.group(1),
                        authorization,
                        integer(request.getParam("per_page"), 15),
                        request.getParam("cursor"),
                        base);
            } else if (PARCELS.matcher(request.path()).matches()) {
                body = sandbox.maystroPage(
                        authorization,
                        integer(request.getParam("page"), 1),
                        request.getParam("external_order_id"),
                        base);
            } else {
                status = 404;
                body = Map.of("message", "Not Found");
            }
        } catch (WebApplicationException e) {
            Response response = e.getResponse();
            status = response.getStatus();
            body = response.hasEntity() ? response.getEntity() : Map.of("message", "error");
            retryAfter = response.getHeaderString("Retry-After");
        }
        try {
            byte[] bytes = json.writeValueAsBytes(body);
            request.response().setStatusCode(status).putHeader("Content-Type", "application/json");
            if (retryAfter != null) {
                request.response().putHeader("Retry-After", retryAfter);
            }
            request.response().end(io.vertx.core.buffer.Buffer.buffer(bytes));
        } catch (Exception e) {
            request.response().setStatusCode(500).end();
        }
    }

    private static int integer(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
