package dz.libertaphonix.scheduler.api.testsupport;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;

/**
 * For benchmarks: serves the application's own router (security, CORS, REST, filters — the whole
 * stack a Lambda invocation reaches) on a real local socket, so that it can be loaded with many
 * concurrent connections. In tests every request otherwise goes through the Lambda mock event
 * server, which hands the app one event at a time, as one Lambda instance would.
 */
@ApplicationScoped
public class DirectHttpListener {

    private volatile Router router;
    private HttpServer server;

    void capture(@Observes Router router) {
        this.router = router;
    }

    /** Starts listening on a free port; returns it. */
    public synchronized int start(Vertx vertx) throws Exception {
        if (server == null) {
            server = vertx.createHttpServer(
                            new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                    .requestHandler(router)
                    .listen()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        }
        return server.actualPort();
    }

    public synchronized void stop() throws Exception {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            server = null;
        }
    }
}
