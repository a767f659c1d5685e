package dz.libertaphonix.scheduler.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal Maystro for the shipping benchmark, on the JDK's HTTP server: pages and lookups are
 * generated on demand from a {@link Dataset} (120,000 parcels are never held as JSON), and every
 * answer leaves after a fixed latency, scheduled rather than slept, so a thousand waiting answers
 * cost no thread each. It counts requests and the most it had in hand at once, per key.
 */
public final class FakeMaystroServer implements AutoCloseable {

    static {
        // the JDK server writes headers and body apart; without TCP_NODELAY, Nagle and the client's
        // delayed ACK add ~40 ms to every answer, which no real server (nginx) does
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** A newest-first parcel list. */
    public interface Dataset {

        int size();

        /** The JSON of parcel {@code index} (0 = newest). */
        void parcel(int index, StringBuilder json);

        /** The index of the parcel of this order reference, or -1. */
        int indexOf(String reference);
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService answers = Executors.newScheduledThreadPool(4);
    private final Map<String, Dataset> datasets = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inHand = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostInHand = new ConcurrentHashMap<>();
    private volatile Duration latency = Duration.ZERO;

    public FakeMaystroServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(handlers);
        server.createContext("/api/stores/orders/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** Serves {@code dataset} to requests carrying {@code Authorization: Token <key>}. */
    public void serve(String key, Dataset dataset) {
        datasets.put("Token " + key, dataset);
    }

    public long requests(String key) {
        return requests.getOrDefault("Token " + key, new AtomicLong()).get();
    }

    public int mostInHand(String key) {
        return mostInHand.getOrDefault("Token " + key, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) {
        String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        requests.computeIfAbsent(auth, k -> new AtomicLong()).incrementAndGet();
        int now = inHand.computeIfAbsent(auth, k -> new AtomicInteger()).incrementAndGet();
        mostInHand.computeIfAbsent(auth, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        Dataset dataset = datasets.get(auth);
        int status;
        String body;
        if (dataset == null) {
            status = 401;
            body = "{\"detail\":\"Invalid token.\"}";
        } else {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (query.containsKey("external_order_id")) {
                int index = dataset.indexOf(query.get("external_order_id"));
                status = 200;
                body = page(dataset, index < 0 ? 0 : index, index < 0 ? 0 : index + 1, 1, true);
            } else {
                int page = Integer.parseInt(query.getOrDefault("page", "1"));
                int from = (page - 1) * 20;
                if (page < 1 || from >= dataset.size()) {
                    status = 404;
                    body = "{\"detail\":\"Invalid page.\"}";
                } else {
                    int to = Math.min(dataset.size(), from + 20);
                    status = 200;
                    body = page(dataset, from, to, page, to == dataset.size());
                }
            }
        }
        answers.schedule(() -> answer(exchange, auth, status, body), latency.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void answer(HttpExchange exchange, String auth, int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // no longer in hand once the answer starts: the client may ask again as soon as it has read it
        inHand.get(auth).decrementAndGet();
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    private static String page(Dataset dataset, int from, int to, int number, boolean last) {
        StringBuilder json = new StringBuilder(700 * (to - from) + 200);
        json.append("{\"list\":{\"count\":")
                .append(dataset.size())
                .append(",\"next\":")
                .append(
                        last
                                ? "null"
                                : "\"https://backend.maystro-delivery.com/api/stores/orders/?page=" + (number + 1)
                                        + "\"")
                .append(",\"previous\":null,\"results\":[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                json.append(',');
            }
            dataset.parcel(i, json);
        }
        return json.append("]}}").toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new java.util.HashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                query.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
        answers.shutdownNow();
        handlers.shutdownNow();
    }
}
