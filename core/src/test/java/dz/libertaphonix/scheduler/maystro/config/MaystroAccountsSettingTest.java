package dz.libertaphonix.scheduler.maystro.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dz.libertaphonix.scheduler.maystro.MaystroConfigurationException;
import dz.libertaphonix.scheduler.maystro.MaystroCredentials;
import java.net.URI;
import org.junit.jupiter.api.Test;

class MaystroAccountsSettingTest {

    private static final URI BASE = URI.create("https://backend.maystro-delivery.com");

    @Test
    void readsNameKeyPairsInOrder() {
        var accounts = MaystroAccountsSetting.parse(" main = 3f9a0c77 , returns=77c2aa01,", BASE);

        assertThat(accounts).extracting(MaystroCredentials::name).containsExactly("main", "returns");
        assertThat(accounts).extracting(MaystroCredentials::key).containsExactly("3f9a0c77", "77c2aa01");
        assertThat(accounts).allSatisfy(a -> assertThat(a.baseUrl()).isEqualTo(BASE));
    }

    @Test
    void reportsAMalformedEntryWithoutQuotingIt() {
        assertThatThrownBy(() -> MaystroAccountsSetting.parse("main=k1,secretkeywithoutname", BASE))
                .isInstanceOf(MaystroConfigurationException.class)
                .hasMessageContaining("entry 2")
                .hasMessageNotContaining("secretkeywithoutname");
        assertThatThrownBy(() -> MaystroAccountsSetting.parse("Main Account=k1", BASE))
                .isInstanceOf(MaystroConfigurationException.class)
                .hasMessageContaining("entry 1");
        assertThatThrownBy(() -> MaystroAccountsSetting.parse("main=", BASE))
                .isInstanceOf(MaystroConfigurationException.class)
                .hasMessageContaining("no key");
        assertThatThrownBy(() -> MaystroAccountsSetting.parse("main=k1,main=k2", BASE))
                .isInstanceOf(MaystroConfigurationException.class)
                .hasMessageContaining("twice")
                .hasMessageNotContaining("k2");
    }

    @Test
    void neverShowsTheKey() {
        MaystroCredentials account = new MaystroCredentials("main", "3f9a0c77deadbeef", BASE);

        assertThat(account.toString()).doesNotContain("3f9a0c77deadbeef");
        assertThat(account.budgetId()).startsWith("maystro:").doesNotContain("3f9a0c77deadbeef");
        // one key, one budget, whatever the account is called
        assertThat(new MaystroCredentials("other", "3f9a0c77deadbeef", BASE).budgetId())
                .isEqualTo(account.budgetId());
    }
}
