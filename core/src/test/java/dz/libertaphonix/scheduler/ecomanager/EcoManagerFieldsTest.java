package dz.libertaphonix.scheduler.ecomanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcoManagerFieldsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2025-07-24T18:38:27, 2025-07-24T17:38:27Z",
        "2025-07-24 18:38:27, 2025-07-24T17:38:27Z",
        // Laravel's serialised UTC form keeps its zone
        "2025-07-24T17:38:27.000000Z, 2025-07-24T17:38:27Z",
        "2025-07-24, 2025-07-23T23:00:00Z",
        "hier soir, "
    })
    void readsBothDateFormsAsAlgiersLocalTime(String sent, Instant expected) {
        assertThat(EcoManagerFields.instant(JsonNodeFactory.instance.textNode(sent)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"3500 | 3500", "3 500,00 | 3500.00", "3500.00 DA | 3500.00", "3,500.00 | 3500.00", "lots | "})
    void readsAmountsSentAsText(String sent, BigDecimal expected) {
        assertThat(EcoManagerFields.decimal(JsonNodeFactory.instance.textNode(sent)))
                .isEqualTo(expected);
    }
}
