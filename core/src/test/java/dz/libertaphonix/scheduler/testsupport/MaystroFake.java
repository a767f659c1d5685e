package dz.libertaphonix.scheduler.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dz.libertaphonix.scheduler.maystro.MaystroCredentials;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One Maystro account on the shared {@link MaystroWireMock}, with a key of its own. */
public final class MaystroFake {

    private static final String PATH = "/api/stores/orders/";

    private final WireMockServer server = MaystroWireMock.server();
    private final String name;
    private final String key;

    private MaystroFake(String name, String key) {
        this.name = name;
        this.key = key;
    }

    /** A new account with a fresh key; lookups answer "no parcel" and pages past the stubbed ones 404. */
    public static MaystroFake account(String name) {
        return forKey(name, "mk_" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** An account for a key configured elsewhere (e.g. {@link MaystroWireMock#MAIN_KEY}). */
    public static MaystroFake forKey(String name, String key) {
        MaystroFake fake = new MaystroFake(name, key);
        fake.defaults();
        return fake;
    }

    public MaystroCredentials account() {
        return new MaystroCredentials(name, key, URI.create(MaystroWireMock.baseUrl()));
    }

    public String key() {
        return key;
    }

    private void defaults() {
        server.stubFor(mine(get(urlPathEqualTo(PATH)))
                .withQueryParam("page", matching("[0-9]+"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"detail\":\"Invalid page.\"}")));
        server.stubFor(mine(get(urlPathEqualTo(PATH)))
                .withQueryParam("external_order_id", matching(".*"))
                .atPriority(10)
                .willReturn(okJson(MaystroParcels.page(1, 0, List.of(), true))));
    }

    /** Serves these newest-first parcels as pages of 20, each answer delayed by {@code delayMs}. */
    public MaystroFake list(List<Map<String, Object>> newestFirst, int delayMs) {
        List<String> pages = MaystroParcels.pages(newestFirst);
        for (int i = 0; i < pages.size(); i++) {
            page(i + 1, okJson(pages.get(i)).withFixedDelay(delayMs));
        }
        return this;
    }

    public MaystroFake list(List<Map<String, Object>> newestFirst) {
        return list(newestFirst, 0);
    }

    /** Page {@code number} answers this, always. */
    public MaystroFake page(int number, ResponseDefinitionBuilder response) {
        server.stubFor(mine(get(urlPathEqualTo(PATH)))
                .withQueryParam("page", equalTo(String.valueOf(number)))
                .atPriority(5)
                .willReturn(response));
        return this;
    }

    /** Page {@code number} first answers {@code first}, then {@code then} from the second request on. */
    public MaystroFake pageThen(int number, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        String scenario = "page-" + number + "-" + key;
        server.stubFor(mine(get(urlPathEqualTo(PATH)))
                .withQueryParam("page", equalTo(String.valueOf(number)))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("answered once")
                .atPriority(1)
                .willReturn(first));
        server.stubFor(mine(get(urlPathEqualTo(PATH)))
                .withQueryParam("page", equalTo(String.valueOf(number)))
                .inScenario(scenario)
                .whenScenarioStateIs("answered once")
                .atPriority(1)
                .willReturn(then));
        return this;
    }

    /** The lookup of {@code reference} finds these parcels. */
    public MaystroFake lookup(String reference, List<Map<String, Object>> parcels) {
        server.stubFor(mine(get(urlPathEqualTo(PATH)))
                .withQueryParam("external_order_id", equalTo(reference))
                .atPriority(5)
                .willReturn(okJson(MaystroParcels.page(1, parcels.size(), parcels, true))));
        return this;
    }

    /** Every request with this key answers {@code response}. */
    public MaystroFake always(ResponseDefinitionBuilder response) {
        server.stubFor(mine(get(urlPathEqualTo(PATH))).atPriority(1).willReturn(response));
        return this;
    }

    public int pageRequests() {
        return server.findAll(getRequestedFor(urlPathEqualTo(PATH))
                        .withHeader("Authorization", equalTo("Token " + key))
                        .withQueryParam("page", matching("[0-9]+")))
                .size();
    }

    public int pageRequests(int number) {
        return server.findAll(getRequestedFor(urlPathEqualTo(PATH))
                        .withHeader("Authorization", equalTo("Token " + key))
                        .withQueryParam("page", equalTo(String.valueOf(number))))
                .size();
    }

    public int lookupRequests() {
        return server.findAll(getRequestedFor(urlPathEqualTo(PATH))
                        .withHeader("Authorization", equalTo("Token " + key))
                        .withQueryParam("external_order_id", matching(".*")))
                .size();
    }

    public int maxConcurrentRequests() {
        return MaystroWireMock.maxConcurrent(key);
    }

    private MappingBuilder mine(MappingBuilder builder) {
        return builder.withHeader("Authorization", equalTo("Token " + key));
    }
}
