package dz.libertaphonix.scheduler.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AlgerianPhoneTest {

    @ParameterizedTest
    @CsvSource({
        "0555123456, 0555123456",
        "+213555123456, 0555123456",
        "+213 5 55 12 34 56, 0555123456",
        "00213661234567, 0661234567",
        "213771234567, 0771234567",
        "0770-12-34-56, 0770123456",
        "555123456, 0555123456",
        "021 23 45 67, 021234567"
    })
    void normalisesTheFormsCustomersType(String raw, String expected) {
        assertThat(AlgerianPhone.normalise(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "0855123456", "+33612345678", "05551234567", "phone"})
    void refusesWhatIsNotAnAlgerianNumber(String raw) {
        assertThat(AlgerianPhone.normalise(raw)).isEmpty();
    }
}
