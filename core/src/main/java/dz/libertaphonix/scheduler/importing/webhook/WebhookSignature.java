package dz.libertaphonix.scheduler.importing.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** EcoManager's delivery signature: hex HMAC-SHA256 of the raw body with the webhook's secret. */
public final class WebhookSignature {

    private WebhookSignature() {}

    /** The signature of {@code body} with {@code secret}, in lower-case hex. */
    public static String sign(String secret, byte[] body) {
        return HexFormat.of().formatHex(mac(secret, body));
    }

    /**
     * Whether {@code header} is the signature of exactly these bytes. Compared in constant time; a
     * missing or non-hex header (an optional {@code sha256=} prefix is allowed) is simply wrong.
     */
    public static boolean matches(String secret, byte[] body, String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        String hex = header.strip();
        if (hex.regionMatches(true, 0, "sha256=", 0, 7)) {
            hex = hex.substring(7);
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(mac(secret, body), given);
    }

    private static byte[] mac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
