package dz.libertaphonix.scheduler.api.stores;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where EcoManager delivers when no public base URL is configured: the URL the request came in on. */
class RequestBaseTest {

    @Test
    void behindApiGatewayItIsTheHttpApisOwnHttpsUrl() {
        assertThat(StoreWebhookResource.requestBase("abc123.execute-api.eu-west-3.amazonaws.com", "https"))
                .isEqualTo("https://abc123.execute-api.eu-west-3.amazonaws.com");
        assertThat(StoreWebhookResource.requestBase("hooks.libertaphonix.dz", null))
                .isEqualTo("https://hooks.libertaphonix.dz");
    }

    @Test
    void plainHttpOnlyForALocalHostOrWhenTheProxySaysSo() {
        assertThat(StoreWebhookResource.requestBase("localhost:8080", null)).isEqualTo("http://localhost:8080");
        assertThat(StoreWebhookResource.requestBase("10.0.0.5:8080", "http")).isEqualTo("http://10.0.0.5:8080");
    }

    @Test
    void aMissingOrForgedHostGivesNothing() {
        assertThat(StoreWebhookResource.requestBase(null, "https")).isNull();
        assertThat(StoreWebhookResource.requestBase("evil.example/path?x=", "https"))
                .isNull();
    }
}
