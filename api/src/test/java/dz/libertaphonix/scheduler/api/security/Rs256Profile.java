package dz.libertaphonix.scheduler.api.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * The admin API configured for standard RS256 tokens: a JWKS (written for this test JVM to a
 * temporary directory, as an identity provider would serve it) and an expected issuer.
 *
 * <p>The key pair is made once per JVM and kept on disk: Quarkus loads this profile in its own class
 * loader, and the test signing tokens must use the very key the application verifies with.
 */
public class Rs256Profile implements QuarkusTestProfile {

    static final String ISSUER = "https://id.libertaphonix.test";
    static final String KEY_ID = "test-key-1";
    private static final String DIRECTORY_PROPERTY = "scheduler.test.rs256-dir";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "scheduler.jwt.algorithm",
                "RS256",
                "scheduler.jwt.key-location",
                directory().resolve("jwks.json").toUri().toString(),
                "scheduler.jwt.issuer",
                ISSUER);
    }

    /** The private key of the JWKS' only key. */
    static PrivateKey privateKey() {
        try {
            byte[] encoded =
                    Base64.getDecoder().decode(Files.readString(directory().resolve("private.key")));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Path directory() {
        String existing = System.getProperty(DIRECTORY_PROPERTY);
        if (existing != null) {
            return Path.of(existing);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Path directory = Files.createTempDirectory("rs256");
            Files.writeString(
                    directory.resolve("private.key"),
                    Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
            Files.writeString(directory.resolve("jwks.json"), jwks((RSAPublicKey) keys.getPublic()));
            directory.resolve("private.key").toFile().deleteOnExit();
            directory.resolve("jwks.json").toFile().deleteOnExit();
            directory.toFile().deleteOnExit();
            System.setProperty(DIRECTORY_PROPERTY, directory.toString());
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks(RSAPublicKey key) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + url.encodeToString(unsigned(key.getModulus().toByteArray())) + "\",\"e\":\""
                + url.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}]}";
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
