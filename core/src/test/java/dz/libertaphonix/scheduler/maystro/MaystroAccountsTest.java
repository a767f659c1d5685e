package dz.libertaphonix.scheduler.maystro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MaystroAccountsTest {

    private static final URI BASE = URI.create("https://backend.maystro-delivery.com");

    @Test
    void readsNameKeyPairsInOrder() {
        var accounts = MaystroAccounts.parse(" main = 3f9a0c77 , returns=77c2aa01,", BASE);

        assertThat(accounts).extracting(MaystroAccount::name).containsExactly("main", "returns");
        assertThat(accounts).extracting(MaystroAccount::key).containsExactly("3f9a0c77", "77c2aa01");
        assertThat(accounts).allSatisfy(a -> assertThat(a.baseUrl()).isEqualTo(BASE));
    }

    @Test
    void reportsAMalformedEntryWithoutQuotingIt() {
        assertThatThrownBy(() -> MaystroAccounts.parse("main=k1,secretkeywithoutname", BASE))
                .isInstanceOf(MaystroConfigurationException.class)
                .hasMessageContaining("entry 2")
                .hasMessageNotContaining("secretkeywithoutname");
        assertThatThrownBy(() -> MaystroAccounts.parse("Main Account=k1", BASE))
                .isInstanceOf(MaystroConfigurationException.class)
                .hasMessageContaining("entry 1");
        assertThatThrownBy(() -> MaystroAccounts.parse("main=", BASE))
                .isInstanceOf(MaystroConfigurationException.class)
                .hasMessageContaining("no key");
        assertThatThrownBy(() -> MaystroAccounts.parse("main=k1,main=k2", BASE))
                .isInstanceOf(MaystroConfigurationException.class)
                .hasMessageContaining("twice")
                .hasMessageNotContaining("k2");
    }

    @Test
    void neverShowsTheKey() {
        MaystroAccount account = new MaystroAccount("main", "3f9a0c77deadbeef", BASE);

        assertThat(account.toString()).doesNotContain("3f9a0c77deadbeef");
        assertThat(account.budgetId()).startsWith("maystro:").doesNotContain("3f9a0c77deadbeef");
        // one key, one budget, whatever the account is called
        assertThat(new MaystroAccount("other", "3f9a0c77deadbeef", BASE).budgetId())
                .isEqualTo(account.budgetId());
    }
}
