package dz.libertaphonix.scheduler.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private static String key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static TokenCipher cipher(String key) {
        return new TokenCipher(() -> key);
    }

    @Test
    void decryptsWhatItEncryptedWithAFreshIvEachTime() {
        TokenCipher cipher = cipher(key());
        byte[] first = cipher.encrypt("store-token-123");
        byte[] second = cipher.encrypt("store-token-123");

        assertThat(first).isNotEqualTo(second);
        assertThat(cipher.decrypt(first)).isEqualTo("store-token-123");
        assertThat(cipher.decrypt(second)).isEqualTo("store-token-123");
    }

    @Test
    void refusesATamperedBlobOrAnotherKeyWithoutRevealingAnything() {
        TokenCipher cipher = cipher(key());
        byte[] blob = cipher.encrypt("store-token-123");
        blob[blob.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(blob))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("store-token");
        byte[] intact = cipher.encrypt("store-token-123");
        assertThatThrownBy(() -> cipher(key()).decrypt(intact)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAKeyOfTheWrongSize() {
        assertThatThrownBy(() -> cipher(Base64.getEncoder().encodeToString(new byte[7])))
                .hasMessageContaining("16, 24 or 32 bytes");
        assertThatThrownBy(() -> cipher("not base64 !")).hasMessageContaining("not valid base64");
    }
}
