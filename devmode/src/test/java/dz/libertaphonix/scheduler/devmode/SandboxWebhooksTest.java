package dz.libertaphonix.scheduler.devmode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.WebApplicationException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sandbox EcoManager's webhooks: its registration API, and signed deliveries to a real socket. */
class SandboxWebhooksTest {

    record Received(String method, Map<String, List<String>> headers, byte[] body) {}

    @Test
    void registersListsUpdatesDeletesAndDeliversSignedOrders() throws Exception {
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), Map.copyOf(exchange.getRequestHeaders()), body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        app.start();
        try {
            SandboxWebhooks sandbox = new SandboxWebhooks(new ObjectMapper());
            String token = "Bearer " + SandboxWorld.tokenFor("NATU");
            String url = "http://127.0.0.1:" + app.getAddress().getPort() + "/webhooks/ecomanager/NATU";
            String registration = "{\"name\":\"LP\",\"event\":\"OrderCreated\",\"http_method\":\"post\","
                    + "\"delivery_url\":\"" + url + "\",\"secret\":\"s3cr3t\",\"is_active\":true}";

            assertThatThrownBy(() -> sandbox.answer("POST", "NATU", null, "Bearer wrong", registration))
                    .isInstanceOf(WebApplicationException.class);
            Object created = sandbox.answer("POST", "NATU", null, token, registration);
            String id = String.valueOf(((Map<?, ?>) ((Map<?, ?>) created).get("data")).get("id"));
            Received validation = received.poll(5, TimeUnit.SECONDS);
            assertThat(validation).isNotNull();
            assertThat(validation.method())
                    .as("EcoManager validates a new URL with a GET")
                    .isEqualTo("GET");

            Map<?, ?> listed = (Map<?, ?>) sandbox.answer("GET", "NATU", null, token, null);
            assertThat((List<?>) listed.get("data")).hasSize(1);
            assertThat(listed.toString()).doesNotContain("s3cr3t");

            sandbox.deliver("NATU", "OrderCreated", Map.of("id", 172001, "order_state_name", "En dispatch"), "src");
            Received delivery = received.poll(5, TimeUnit.SECONDS);
            assertThat(delivery).isNotNull();
            assertThat(delivery.method()).isEqualTo("POST");
            assertThat(delivery.headers().get("X-ecomanager-event")).containsExactly("OrderCreated");
            assertThat(delivery.headers().get("X-ecomanager-webhook-id")).containsExactly(id);
            assertThat(delivery.headers().get("X-ecomanager-signature"))
                    .containsExactly(SandboxWebhooks.sign("s3cr3t", delivery.body()));
            assertThat(new String(delivery.body(), StandardCharsets.UTF_8)).contains("172001");

            sandbox.answer("PUT", "NATU", id, token, registration.replace("s3cr3t", "n3w"));
            sandbox.deliver("NATU", "OrderCreated", Map.of("id", 172002), "src");
            Received afterRotation = received.poll(5, TimeUnit.SECONDS);
            assertThat(afterRotation.headers().get("X-ecomanager-signature"))
                    .containsExactly(SandboxWebhooks.sign("n3w", afterRotation.body()));

            sandbox.deliver("NATU", "OrderDeleted", Map.of("id", 172003), "src");
            sandbox.answer("DELETE", "NATU", id, token, null);
            assertThat(sandbox.anyFor("NATU")).isFalse();
            sandbox.deliver("NATU", "OrderCreated", Map.of("id", 172004), "src");
            assertThat(received.poll(500, TimeUnit.MILLISECONDS))
                    .as("nothing for an event not registered, nor after deletion")
                    .isNull();
        } finally {
            app.stop(0);
        }
    }
}
