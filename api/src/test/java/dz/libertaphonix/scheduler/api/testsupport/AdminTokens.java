package dz.libertaphonix.scheduler.api.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Real signed tokens exactly as the order system issues them (Node's jsonwebtoken with
 * {@code jwt.sign({userId, email, role}, secret, {expiresIn})}): header {@code {"alg":"HS256","typ":"JWT"}},
 * payload {@code {userId, email, role, iat, exp}}, no issuer, subject or id. The shared secret is made
 * per test JVM (never in a file) and handed to the application by {@link JwtSecretResource}.
 */
public final class AdminTokens {

    /** The HS256 secret of this test JVM. */
    public static final String SECRET = HexFormat.of().formatHex(randomBytes(32));

    public static final String ADMIN_EMAIL = "nadia.admin@libertaphonix.dz";
    public static final String MANAGER_EMAIL = "karim.manager@libertaphonix.dz";

    private static final String HS256_HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private AdminTokens() {}

    public static String admin() {
        return token(7, ADMIN_EMAIL, "ADMIN");
    }

    public static String teamManager() {
        return token(12, MANAGER_EMAIL, "TEAM_MANAGER");
    }

    public static String withRole(String role) {
        return token(31, "agent.31@libertaphonix.dz", role);
    }

    /** A valid signature, but no role claim at all. */
    public static String withoutRole() {
        long now = Instant.now().getEpochSecond();
        return sign(
                "{\"userId\":40,\"email\":\"norole@libertaphonix.dz\",\"iat\":" + now + ",\"exp\":" + (now + 3600)
                        + "}",
                SECRET);
    }

    public static String token(long userId, String email, String role) {
        long now = Instant.now().getEpochSecond();
        return sign(payload(userId, email, role, now, now + 3600), SECRET);
    }

    /** An ADMIN token that expired an hour ago (well past any clock skew). */
    public static String expiredAdmin() {
        long now = Instant.now().getEpochSecond();
        return sign(payload(7, ADMIN_EMAIL, "ADMIN", now - 7200, now - 3600), SECRET);
    }

    /** An ADMIN token signed with another secret. */
    public static String adminSignedWithAnotherSecret() {
        long now = Instant.now().getEpochSecond();
        return sign(
                payload(7, ADMIN_EMAIL, "ADMIN", now, now + 3600),
                HexFormat.of().formatHex(randomBytes(32)));
    }

    /** An unsigned token ({@code "alg": "none"}) claiming ADMIN. */
    public static String unsignedAdmin() {
        long now = Instant.now().getEpochSecond();
        return base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + base64Url(payload(7, ADMIN_EMAIL, "ADMIN", now, now + 3600)) + ".";
    }

    /** A TEAM_MANAGER token whose payload was edited to say ADMIN, keeping the original signature. */
    public static String managerTamperedToAdmin() {
        String[] parts = teamManager().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("\"TEAM_MANAGER\"", "\"ADMIN\"");
        if (forged.equals(payload)) {
            throw new IllegalStateException("role claim not found in " + payload);
        }
        return parts[0] + "." + base64Url(forged) + "." + parts[2];
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String payload(long userId, String email, String role, long issuedAt, long expiresAt) {
        return "{\"userId\":" + userId + ",\"email\":\"" + email + "\",\"role\":\"" + role + "\",\"iat\":" + issuedAt
                + ",\"exp\":" + expiresAt + "}";
    }

    private static String sign(String payloadJson, String secret) {
        String signingInput = base64Url(HS256_HEADER) + "." + base64Url(payloadJson);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
