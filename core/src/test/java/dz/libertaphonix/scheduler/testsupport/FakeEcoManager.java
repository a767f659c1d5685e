package dz.libertaphonix.scheduler.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake EcoManager shop API on a dynamic port: one order list per token, served like the real one
 * (Laravel cursor pagination, newest first, {@code per_page} up to 100, {@code meta.next_cursor}).
 * Errors are staged per token with ordinary WireMock stubs of higher priority. For the benchmark's
 * "old system" pattern it also answers {@code page=N} (ascending pages).
 */
public final class FakeEcoManager implements AutoCloseable {

    public static final String PATH = "/api/shop/v2";
    private static final String ORDERS = PATH + "/orders";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SCENARIOS = new AtomicLong();

    private final WireMockServer server;
    private final Map<String, Shop> shops = new ConcurrentHashMap<>();

    private FakeEcoManager() {
        server = new WireMockServer(options().dynamicPort().extensions(new OrdersTransformer()));
        server.start();
        server.stubFor(get(urlPathEqualTo(ORDERS))
                .atPriority(10)
                .willReturn(aResponse().withTransformers(OrdersTransformer.NAME)));
    }

    public static FakeEcoManager start() {
        return new FakeEcoManager();
    }

    /** What a store's {@code base_url} is set to. */
    public String baseUrl() {
        return "http://localhost:" + server.port() + PATH;
    }

    /** The order list of a token, created empty on first use; unknown tokens get 401. */
    public Shop shop(String token) {
        return shops.computeIfAbsent(
                token, t -> new Shop(ThreadLocalRandom.current().nextLong(1, 1_000_000)));
    }

    /** A new random token (as EcoManager issues them: long and opaque). */
    public static String newToken() {
        return "emk_" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + Long.toHexString(System.nanoTime());
    }

    public WireMockServer server() {
        return server;
    }

    /** Requests made to the order list with this token. */
    public List<LoggedRequest> requests(String token) {
        List<LoggedRequest> requests = new ArrayList<>(server.findAll(
                getRequestedFor(urlPathEqualTo(ORDERS)).withHeader("Authorization", equalTo("Bearer " + token))));
        requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return requests;
    }

    public int requestCount(String token) {
        return requests(token).size();
    }

    /** The next {@code times} requests of this token get {@code response}; later ones are served normally. */
    public void failNext(String token, int times, ResponseDefinitionBuilder response) {
        String scenario = "fail-" + SCENARIOS.incrementAndGet();
        for (int i = 0; i < times; i++) {
            server.stubFor(get(urlPathEqualTo(ORDERS))
                    .atPriority(1)
                    .withHeader("Authorization", equalTo("Bearer " + token))
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed-" + i)
                    .willSetStateTo("failed-" + (i + 1))
                    .willReturn(response));
        }
    }

    /** Every request of this token gets {@code response}. */
    public void failAlways(String token, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo(ORDERS))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(response));
    }

    /** Every answer takes this long (the benchmark's fixed per-request latency). */
    public void latency(Duration latency) {
        server.setGlobalFixedDelay((int) latency.toMillis());
    }

    @Override
    public void close() {
        server.stop();
    }

    /** One EcoManager account's orders. */
    public static final class Shop {

        private final long seed;
        private final NavigableMap<Long, ObjectNode> orders = new TreeMap<>();

        Shop(long seed) {
            this.seed = seed;
        }

        public long seed() {
            return seed;
        }

        /** Adds realistic orders with ids {@code from..to} inclusive, all in {@code state}. */
        public synchronized Shop orders(long from, long to, String state) {
            for (long id = from; id <= to; id++) {
                orders.put(id, EcoManagerPayloads.order(seed, id, state));
            }
            return this;
        }

        /**
         * Adds (or replaces) one order exactly as given, at {@code position} in the list (its id,
         * unless the test gives it a broken or missing one).
         */
        public synchronized Shop put(long position, ObjectNode order) {
            orders.put(position, order);
            return this;
        }

        public synchronized ObjectNode order(long id) {
            return orders.get(id);
        }

        /** Moves an order to another state, as EcoManager users do. */
        public synchronized Shop state(long id, String state) {
            orders.get(id).put("order_state_name", state);
            return this;
        }

        public synchronized long size() {
            return orders.size();
        }

        synchronized List<ObjectNode> newestBelow(Long below, int limit) {
            NavigableMap<Long, ObjectNode> view = below == null
                    ? orders.descendingMap()
                    : orders.headMap(below, false).descendingMap();
            List<ObjectNode> page = new ArrayList<>();
            for (Map.Entry<Long, ObjectNode> entry : view.entrySet()) {
                if (page.size() == limit + 1) {
                    break;
                }
                page.add(entry.getValue().deepCopy().put("__position", entry.getKey()));
            }
            return page;
        }

        synchronized List<ObjectNode> ascendingPage(int page, int size) {
            List<ObjectNode> all = new ArrayList<>(orders.values());
            int from = Math.max(0, (page - 1) * size);
            if (from >= all.size()) {
                return List.of();
            }
            return all.subList(from, Math.min(all.size(), from + size));
        }
    }

    private final class OrdersTransformer implements ResponseDefinitionTransformerV2 {

        static final String NAME = "ecomanager-orders";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String authorization = request.getHeader("Authorization");
            Shop shop = authorization != null && authorization.startsWith("Bearer ")
                    ? shops.get(authorization.substring(7))
                    : null;
            if (shop == null) {
                return json(401, "{\"message\":\"Unauthenticated.\"}");
            }
            int perPage = Math.min(100, Math.max(1, intParam(request, "per_page", 15)));
            String base = "http://localhost:" + server.port() + ORDERS;
            ObjectNode body = JSON.createObjectNode();
            ArrayNode data = body.putArray("data");
            ObjectNode links = body.putObject("links");
            ObjectNode meta = body.putObject("meta");
            meta.put("path", base);
            meta.put("per_page", perPage);
            meta.putNull("prev_cursor");
            links.putNull("first");
            links.putNull("last");
            links.putNull("prev");

            String page = param(request, "page");
            if (page != null && param(request, "cursor") == null) {
                List<ObjectNode> orders = shop.ascendingPage(Integer.parseInt(page), perPage);
                orders.forEach(data::add);
                meta.putNull("next_cursor");
                links.putNull("next");
                return json(200, body.toString());
            }

            Long below = decodeCursor(param(request, "cursor"));
            List<ObjectNode> window = shop.newestBelow(below, perPage);
            boolean more = window.size() > perPage;
            List<ObjectNode> served = more ? window.subList(0, perPage) : window;
            for (ObjectNode order : served) {
                ObjectNode copy = order.deepCopy();
                copy.remove("__position");
                data.add(copy);
            }
            if (more) {
                long last = served.get(served.size() - 1).get("__position").asLong();
                String cursor = encodeCursor(last);
                meta.put("next_cursor", cursor);
                links.put("next", base + "?cursor=" + cursor);
            } else {
                meta.putNull("next_cursor");
                links.putNull("next");
            }
            return json(200, body.toString());
        }

        private ResponseDefinition json(int status, String body) {
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)
                    .build();
        }
    }

    private static String param(Request request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter != null && parameter.isPresent() ? parameter.firstValue() : null;
    }

    private static int intParam(Request request, String name, int fallback) {
        String value = param(request, name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Laravel's cursor: base64url of {@code {"id": <last id>, "_pointsToNextItems": true}}. */
    static String encodeCursor(long lastId) {
        String json = "{\"id\":" + lastId + ",\"_pointsToNextItems\":true}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static Long decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
            return node.get("id").asLong();
        } catch (Exception e) {
            throw new IllegalArgumentException("not a cursor of this fake: " + cursor, e);
        }
    }
}
