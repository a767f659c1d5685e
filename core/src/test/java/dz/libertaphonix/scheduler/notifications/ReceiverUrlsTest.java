package dz.libertaphonix.scheduler.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiverUrlsTest {

    @Test
    void hidesTheCredentialOfAChatWebhookButKeepsWhereItGoes() {
        assertThat(ReceiverUrls.masked("https://hooks.slack.com/services/T0001/B0002/XyZsecretToken1234"))
                .isEqualTo("https://hooks.slack.com/services/…1234")
                .doesNotContain("XyZsecret", "T0001");
        assertThat(ReceiverUrls.masked("https://chat.googleapis.com/v1/spaces/AAAA/messages?key=k3y&token=t0ken-abcd"))
                .isEqualTo("https://chat.googleapis.com/v1/…abcd")
                .doesNotContain("k3y");
    }

    @Test
    void showsAPlainReceiverWhole() {
        assertThat(ReceiverUrls.masked("https://ops.libertaphonix.dz/scheduler"))
                .isEqualTo("https://ops.libertaphonix.dz/scheduler");
        assertThat(ReceiverUrls.masked("http://127.0.0.1:8089")).isEqualTo("http://127.0.0.1:8089");
    }
}
