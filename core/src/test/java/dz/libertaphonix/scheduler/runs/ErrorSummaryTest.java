package dz.libertaphonix.scheduler.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** What a run's error says: words, never a chain of class names. */
class ErrorSummaryTest {

    @Test
    void dropsTheClassNamesWrappersPutInFrontOfTheirCausesMessage() {
        Exception wrapped = new CompletionException(
                new ConnectException("io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused:"
                        + " /127.0.0.1:6379"));

        assertThat(ErrorSummary.of(wrapped).get("message")).isEqualTo("Connection refused: /127.0.0.1:6379");
        assertThat(ErrorSummary.withoutClassNames("store NATU: EcoManager answered 503"))
                .isEqualTo("store NATU: EcoManager answered 503");
    }
}
