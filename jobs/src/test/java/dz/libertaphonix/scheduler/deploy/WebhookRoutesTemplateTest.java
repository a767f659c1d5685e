package dz.libertaphonix.scheduler.deploy;

import static dz.libertaphonix.scheduler.testsupport.SamTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.testsupport.SamTemplate;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EcoManager's webhook routes in {@code template.yaml}: GET and POST of
 * {@code /webhooks/ecomanager/{store}} reach the api function with no authorizer in the way, while
 * {@code /api} stays guarded by the app's JWT check; the public base URL reaches the function.
 */
class WebhookRoutesTemplateTest {

    private static final String PATH = "/webhooks/ecomanager/{store}";

    private static SamTemplate template;
    private static String apiFunction;

    @BeforeAll
    static void readTemplate() {
        template = SamTemplate.load(SamTemplate.repositoryRoot().resolve("template.yaml"));
        apiFunction = template.samFunctions().stream()
                .filter(f -> SamTemplate.API_ARTIFACT.equals(template.functionProperty(f, "CodeUri")))
                .findFirst()
                .orElseThrow();
    }

    private List<Map<String, Object>> webhookRoutes() {
        return template.eventsOfType(apiFunction, "HttpApi").stream()
                .filter(event -> PATH.equals(event.get("Path")))
                .toList();
    }

    @Test
    void getAndPostOfTheDeliveryPathReachTheApiFunctionOnTheHttpApi() {
        assertThat(webhookRoutes()).extracting(route -> route.get("Method")).containsExactlyInAnyOrder("GET", "POST");
        assertThat(webhookRoutes())
                .allSatisfy(route -> assertThat(route.get("ApiId")).isEqualTo(Map.of("Ref", "HttpApi")));
    }

    @Test
    void noAuthorizerStandsBeforeTheWebhooksAndTheAppStillGuardsApiWithItsJwt() throws IOException {
        assertThat(webhookRoutes()).allSatisfy(route -> {
            Object auth = route.get("Auth");
            assertThat(auth == null || "NONE".equals(map(auth).get("Authorizer")))
                    .as("the HMAC signature is the webhooks' authentication")
                    .isTrue();
        });
        Map<String, Object> apiAuth = map(template.properties("HttpApi").getOrDefault("Auth", Map.of()));
        assertThat(apiAuth.get("DefaultAuthorizer"))
                .as("a default authorizer would also stand before the webhooks unless they opt out")
                .isNull();
        Properties api = new Properties();
        try (Reader reader = Files.newBufferedReader(
                SamTemplate.repositoryRoot().resolve(Path.of("api/src/main/resources/application.properties")))) {
            api.load(reader);
        }
        assertThat(api.getProperty("quarkus.security.jaxrs.deny-unannotated-endpoints"))
                .as("every /api endpoint needs a role; only the webhooks are @PermitAll")
                .isEqualTo("true");
    }

    @Test
    void theDeliveryRouteIsThrottledForBurstsOfDeliveries() {
        Map<String, Object> post = webhookRoutes().stream()
                .filter(route -> "POST".equals(route.get("Method")))
                .findFirst()
                .orElseThrow();
        Map<String, Object> settings = map(post.get("RouteSettings"));
        assertThat(((Number) settings.get("ThrottlingRateLimit")).intValue()).isGreaterThanOrEqualTo(200);
        assertThat(((Number) settings.get("ThrottlingBurstLimit")).intValue()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void theApiFunctionGetsThePublicBaseUrlWhenOneIsGivenAndNothingOtherwise() {
        Object variable = template.environment(apiFunction).get("SCHEDULER_WEBHOOKS_PUBLIC_BASE_URL");
        assertThat(template.evaluate(variable, Map.of("WebhooksPublicBaseUrl", "https://hooks.libertaphonix.dz")))
                .isEqualTo("https://hooks.libertaphonix.dz");
        assertThat(template.evaluate(variable, Map.of())).isNull();
    }
}
