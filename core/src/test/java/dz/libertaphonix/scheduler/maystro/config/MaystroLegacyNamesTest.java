package dz.libertaphonix.scheduler.maystro.config;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.maystro.MaystroCredentials;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The environment variables of the system this scheduler replaces, {@code MAYSTRO_API_KEY} and
 * {@code MAYSTRO_BASE_URL}, read through the configuration as Quarkus builds it: interceptors
 * discovered from the service files, the environment as a config source, the typed mapping.
 */
class MaystroLegacyNamesTest {

    private static final String KEY = "3f9a0c77deadbeefcafe";

    @Test
    void readsTheOldSystemsKeyAsOneAccountAndItsBaseUrl() {
        List<MaystroCredentials> accounts =
                accounts(Map.of("MAYSTRO_API_KEY", KEY, "MAYSTRO_BASE_URL", "https://maystro.staging.example"));

        assertThat(accounts).singleElement().satisfies(account -> {
            assertThat(account.name()).isEqualTo("main");
            assertThat(account.key()).isEqualTo(KEY);
            assertThat(account.baseUrl()).isEqualTo(URI.create("https://maystro.staging.example"));
        });
    }

    @Test
    void keepsTheDefaultBaseUrlWhenOnlyTheOldKeyIsSet() {
        assertThat(accounts(Map.of("MAYSTRO_API_KEY", KEY))).singleElement().satisfies(account -> assertThat(
                        account.baseUrl())
                .isEqualTo(URI.create("https://backend.maystro-delivery.com")));
    }

    @Test
    void theSchedulersOwnSettingsWinOverTheOldNames() {
        List<MaystroCredentials> accounts = accounts(Map.of(
                "SCHEDULER_MAYSTRO_ACCOUNTS", "retours=77c2aa01,principal=91bd0e44",
                "SCHEDULER_MAYSTRO_BASE_URL", "https://maystro.example",
                "MAYSTRO_API_KEY", KEY,
                "MAYSTRO_BASE_URL", "https://maystro.old.example"));

        assertThat(accounts).extracting(MaystroCredentials::name).containsExactly("retours", "principal");
        assertThat(accounts).allSatisfy(a -> assertThat(a.baseUrl()).isEqualTo(URI.create("https://maystro.example")));
    }

    @Test
    void noAccountWhenNeitherNameIsSet() {
        assertThat(accounts(Map.of("MAYSTRO_BASE_URL", "https://maystro.staging.example")))
                .isEmpty();
        assertThat(accounts(Map.of("MAYSTRO_API_KEY", "  "))).isEmpty();
    }

    private static List<MaystroCredentials> accounts(Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .addDiscoveredInterceptors()
                .withSources(new EnvConfigSource(environment, 300))
                // Quarkus' duration syntax ("5s"), as the mapping's defaults are written
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(MaystroConfig.class)
                .build();
        return new MaystroAccountsSetting(config.getConfigMapping(MaystroConfig.class)).configured();
    }
}
