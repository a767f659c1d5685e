package dz.libertaphonix.scheduler.api.testsupport;

import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Real signed tokens shaped like the order system's: HS256, claims {@code {userId, email, role}},
 * {@code iat}/{@code exp}, no issuer. The shared secret is made per test JVM (never in a file) and
 * handed to the application by {@link JwtSecretResource}.
 */
public final class AdminTokens {

    /** The HS256 secret of this test JVM. */
    public static final String SECRET = HexFormat.of().formatHex(randomBytes(32));

    public static final String ADMIN_EMAIL = "nadia.admin@libertaphonix.dz";
    public static final String MANAGER_EMAIL = "karim.manager@libertaphonix.dz";

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
        return Jwt.claim("userId", 40)
                .claim("email", "norole@libertaphonix.dz")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(3600))
                .signWithSecret(SECRET);
    }

    public static String token(long userId, String email, String role) {
        return Jwt.claim("userId", userId)
                .claim("email", email)
                .claim("role", role)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(3600))
                .signWithSecret(SECRET);
    }

    /** An ADMIN token that expired an hour ago (well past any clock skew). */
    public static String expiredAdmin() {
        return Jwt.claim("userId", 7)
                .claim("email", ADMIN_EMAIL)
                .claim("role", "ADMIN")
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .signWithSecret(SECRET);
    }

    /** An ADMIN token signed with another secret. */
    public static String adminSignedWithAnotherSecret() {
        return Jwt.claim("userId", 7)
                .claim("email", ADMIN_EMAIL)
                .claim("role", "ADMIN")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(3600))
                .signWithSecret(HexFormat.of().formatHex(randomBytes(32)));
    }

    /** An unsigned token ({@code "alg": "none"}) claiming ADMIN. */
    public static String unsignedAdmin() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        long now = Instant.now().getEpochSecond();
        String payload = base64Url("{\"userId\":7,\"email\":\"" + ADMIN_EMAIL + "\",\"role\":\"ADMIN\",\"iat\":" + now
                + ",\"exp\":" + (now + 3600) + "}");
        return header + "." + payload + ".";
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

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
