package dz.libertaphonix.scheduler.stores;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM encryption of store tokens. Layout: one version byte, a 12-byte random IV, then the
 * ciphertext with its 16-byte tag. The version byte leaves room for a key rotation.
 */
@ApplicationScoped
public class TokenCipher {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    // binds the ciphertext to its column: a token blob copied elsewhere does not decrypt as something else
    private static final byte[] AAD = "stores.api_token".getBytes(StandardCharsets.US_ASCII);

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public TokenCipher(StoresConfig config) {
        this.key = parseKey(config.tokenKey());
    }

    static SecretKey parseKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("scheduler.stores.token-key is not valid base64");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException(
                    "scheduler.stores.token-key must be 16, 24 or 32 bytes, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public byte[] encrypt(String token) {
        return seal(token, AAD);
    }

    /**
     * Encrypts another secret with the same key, bound to its own column ({@code table.column}): the
     * blob does not decrypt as a store token, nor a store token as it.
     */
    public byte[] encrypt(String secret, String column) {
        return seal(secret, column.getBytes(StandardCharsets.US_ASCII));
    }

    /** Decrypts what {@link #encrypt(String, String)} sealed for the same column. */
    public String decrypt(byte[] blob, String column) {
        return open(blob, column.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] seal(String token, byte[] aad) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length)
                    .put(VERSION)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token encryption failed", e);
        }
    }

    public String decrypt(byte[] blob) {
        return open(blob, AAD);
    }

    private String open(byte[] blob, byte[] aad) {
        if (blob == null || blob.length < 1 + IV_BYTES + TAG_BITS / 8 || blob[0] != VERSION) {
            throw new IllegalStateException("stored token has an unknown format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 1, IV_BYTES));
            cipher.updateAAD(aad);
            byte[] plain = cipher.doFinal(blob, 1 + IV_BYTES, blob.length - 1 - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // wrong key or tampered blob; the message carries no key material
            throw new IllegalStateException("stored token cannot be decrypted with the configured key");
        }
    }
}
