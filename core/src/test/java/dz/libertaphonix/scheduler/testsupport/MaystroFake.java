package dz.libertaphonix.scheduler.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dz.libertaphonix.scheduler.maystro.MaystroCredentials;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one fake Maystro Delivery of core's tests: WireMock on a free port, answering as the real API
 * does (list pages of 20 under {@code list}, lookups by {@code external_order_id}, 404 "Invalid page"
 * past the end; see {@link MaystroParcels}). It counts, per key, the requests it served and the most
 * it had in hand at once. Two ways to use it:
 *
 * <ul>
 *   <li>the shared fake of the module's Quarkus tests ({@link Resource}), configured as
 *       {@code scheduler.maystro.*} with two accounts, {@code main} and {@code backup}; each test
 *       stubs an {@link #account account} with a key of its own, so it never sees another's stubs;
 *   <li>a fake of its own for a benchmark ({@link #standalone()}): pages and lookups generated on
 *       demand from a {@link Dataset} (120,000 parcels are never held as JSON), each answer leaving
 *       after a fixed latency, and no request journal to fill the heap.
 * </ul>
 */
public final class MaystroFake implements AutoCloseable {

    public static final String MAIN_KEY = newKey();
    public static final String BACKUP_KEY = newKey();

    private static final String PATH = "/api/stores/orders/";
    private static volatile MaystroFake shared;

    private final WireMockServer server;
    private final Traffic traffic = new Traffic();
    private final Map<String, Dataset> datasets = new ConcurrentHashMap<>();
    private volatile Duration latency = Duration.ZERO;

    private MaystroFake(WireMockConfiguration options) {
        server = new WireMockServer(options.dynamicPort().extensions(traffic, new Generated()));
        server.start();
    }

    /** Starts the shared fake for the module's Quarkus tests and points their configuration at it. */
    public static class Resource implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            synchronized (MaystroFake.class) {
                if (shared == null) {
                    // a generous pool: several tests keep ten requests waiting on a delay at once
                    shared = new MaystroFake(options().containerThreads(60));
                }
            }
            return Map.of(
                    "scheduler.maystro.base-url",
                    shared.baseUrl(),
                    "scheduler.maystro.accounts",
                    "main=" + MAIN_KEY + ",backup=" + BACKUP_KEY);
        }

        @Override
        public void stop() {
            // shared by every Quarkus boot of this JVM; dies with it
        }
    }

    /**
     * A fake of its own, for a benchmark: no request journal (120,000 parcels' answers must not fill
     * the heap being measured), and a thread per answer waiting out its latency, so that the answers
     * in hand are counted until they leave.
     */
    public static MaystroFake standalone() {
        return new MaystroFake(options().disableRequestJournal().containerThreads(40));
    }

    /** A new account on the shared fake, with a fresh key; lookups find nothing, pages past the stubbed ones 404. */
    public static Account account(String name) {
        return forKey(name, newKey());
    }

    /** An account on the shared fake for a key configured elsewhere (e.g. {@link #MAIN_KEY}). */
    public static Account forKey(String name, String key) {
        MaystroFake fake = shared;
        if (fake == null) {
            throw new IllegalStateException("the shared MaystroFake has not started (MaystroFake.Resource)");
        }
        return new Account(fake, name, key).defaults();
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** Every answer leaves this long after its request arrived. */
    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** Serves {@code dataset} to requests carrying {@code Authorization: Token <key>}. */
    public void serve(String key, Dataset dataset) {
        datasets.put(key, dataset);
        server.stubFor(get(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Token " + key))
                .willReturn(aResponse().withTransformers(Generated.NAME)));
    }

    /** Requests carrying this key that the fake received. */
    public long requests(String key) {
        return traffic.served.getOrDefault("Token " + key, new AtomicLong()).get();
    }

    /** The most requests carrying this key that the fake had in hand at the same time. */
    public int mostInHand(String key) {
        return traffic.most.getOrDefault("Token " + key, new AtomicInteger()).get();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static String newKey() {
        return "mk_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A newest-first parcel list, generated on demand. */
    public interface Dataset {

        int size();

        /** The JSON of parcel {@code index} (0 = newest). */
        void parcel(int index, StringBuilder json);

        /** The index of the parcel of this order reference, or -1. */
        int indexOf(String reference);
    }

    /** One account on the shared fake: its stubs and its requests, by its key. */
    public static final class Account {

        private final MaystroFake fake;
        private final String name;
        private final String key;

        private Account(MaystroFake fake, String name, String key) {
            this.fake = fake;
            this.name = name;
            this.key = key;
        }

        private Account defaults() {
            fake.server.stubFor(mine(get(urlPathEqualTo(PATH)))
                    .withQueryParam("page", matching("[0-9]+"))
                    .atPriority(10)
                    .willReturn(aResponse()
                            .withStatus(404)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"detail\":\"Invalid page.\"}")));
            fake.server.stubFor(mine(get(urlPathEqualTo(PATH)))
                    .withQueryParam("external_order_id", matching(".*"))
                    .atPriority(10)
                    .willReturn(okJson(MaystroParcels.page(1, 0, List.of(), true))));
            return this;
        }

        public MaystroCredentials account() {
            return new MaystroCredentials(name, key, URI.create(fake.baseUrl()));
        }

        public String key() {
            return key;
        }

        /** Serves these newest-first parcels as pages of 20, each answer delayed by {@code delayMs}. */
        public Account list(List<Map<String, Object>> newestFirst, int delayMs) {
            List<String> pages = MaystroParcels.pages(newestFirst);
            for (int i = 0; i < pages.size(); i++) {
                page(i + 1, okJson(pages.get(i)).withFixedDelay(delayMs));
            }
            return this;
        }

        public Account list(List<Map<String, Object>> newestFirst) {
            return list(newestFirst, 0);
        }

        /** Page {@code number} answers this, always. */
        public Account page(int number, ResponseDefinitionBuilder response) {
            fake.server.stubFor(mine(get(urlPathEqualTo(PATH)))
                    .withQueryParam("page", equalTo(String.valueOf(number)))
                    .atPriority(5)
                    .willReturn(response));
            return this;
        }

        /** Page {@code number} first answers {@code first}, then {@code then} from the second request on. */
        public Account pageThen(int number, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
            String scenario = "page-" + number + "-" + key;
            fake.server.stubFor(mine(get(urlPathEqualTo(PATH)))
                    .withQueryParam("page", equalTo(String.valueOf(number)))
                    .inScenario(scenario)
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willSetStateTo("answered once")
                    .atPriority(1)
                    .willReturn(first));
            fake.server.stubFor(mine(get(urlPathEqualTo(PATH)))
                    .withQueryParam("page", equalTo(String.valueOf(number)))
                    .inScenario(scenario)
                    .whenScenarioStateIs("answered once")
                    .atPriority(1)
                    .willReturn(then));
            return this;
        }

        /** The lookup of {@code reference} finds these parcels. */
        public Account lookup(String reference, List<Map<String, Object>> parcels) {
            fake.server.stubFor(mine(get(urlPathEqualTo(PATH)))
                    .withQueryParam("external_order_id", equalTo(reference))
                    .atPriority(5)
                    .willReturn(okJson(MaystroParcels.page(1, parcels.size(), parcels, true))));
            return this;
        }

        /** Every request with this key answers {@code response}. */
        public Account always(ResponseDefinitionBuilder response) {
            fake.server.stubFor(mine(get(urlPathEqualTo(PATH))).atPriority(1).willReturn(response));
            return this;
        }

        public int pageRequests() {
            return fake.server
                    .findAll(getRequestedFor(urlPathEqualTo(PATH))
                            .withHeader("Authorization", equalTo("Token " + key))
                            .withQueryParam("page", matching("[0-9]+")))
                    .size();
        }

        public int pageRequests(int number) {
            return fake.server
                    .findAll(getRequestedFor(urlPathEqualTo(PATH))
                            .withHeader("Authorization", equalTo("Token " + key))
                            .withQueryParam("page", equalTo(String.valueOf(number))))
                    .size();
        }

        public int lookupRequests() {
            return fake.server
                    .findAll(getRequestedFor(urlPathEqualTo(PATH))
                            .withHeader("Authorization", equalTo("Token " + key))
                            .withQueryParam("external_order_id", matching(".*")))
                    .size();
        }

        public int maxConcurrentRequests() {
            return fake.mostInHand(key);
        }

        private MappingBuilder mine(MappingBuilder builder) {
            return builder.withHeader("Authorization", equalTo("Token " + key));
        }
    }

    /** Counts, per {@code Authorization} header, the requests served and the most in hand at once. */
    private static final class Traffic implements ServeEventListener {

        final Map<String, AtomicLong> served = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> current = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> most = new ConcurrentHashMap<>();

        @Override
        public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
            String key = authorization(serveEvent);
            served.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            int now = current.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            most.computeIfAbsent(key, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        }

        @Override
        public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
            current.computeIfAbsent(authorization(serveEvent), k -> new AtomicInteger())
                    .decrementAndGet();
        }

        private static String authorization(ServeEvent serveEvent) {
            String value = serveEvent.getRequest().getHeader("Authorization");
            return value == null ? "" : value;
        }

        @Override
        public String getName() {
            return "maystro-traffic";
        }
    }

    /** Answers a request of a served {@link Dataset}: a page of 20 or a lookup, after the latency. */
    private final class Generated implements ResponseDefinitionTransformerV2 {

        static final String NAME = "maystro-dataset";

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
            String authorization = String.valueOf(event.getRequest().getHeader("Authorization"));
            Dataset dataset = datasets.get(authorization.replaceFirst("^Token ", ""));
            String reference = param(event, "external_order_id");
            int status = 200;
            String body;
            if (dataset == null) {
                status = 401;
                body = "{\"detail\":\"Invalid token.\"}";
            } else if (reference != null) {
                int index = dataset.indexOf(reference);
                body = page(dataset, index < 0 ? 0 : index, index < 0 ? 0 : index + 1, 1, true);
            } else {
                String number = param(event, "page");
                int page = number == null ? 1 : Integer.parseInt(number);
                int from = (page - 1) * 20;
                if (page < 1 || from >= dataset.size()) {
                    status = 404;
                    body = "{\"detail\":\"Invalid page.\"}";
                } else {
                    int to = Math.min(dataset.size(), from + 20);
                    body = page(dataset, from, to, page, to == dataset.size());
                }
            }
            return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                    .but()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)
                    .withFixedDelay((int) latency.toMillis())
                    .build();
        }

        private static String param(ServeEvent event, String name) {
            var value = event.getRequest().queryParameter(name);
            return value.isPresent() ? value.firstValue() : null;
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
    }
}
