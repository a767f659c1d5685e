package dz.libertaphonix.scheduler.api.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the token says: the order system's {@code userId}, {@code email} and
 * {@code role} claims. Every field is null for an anonymous or unverified caller.
 */
public record Caller(String userId, String email, String role) {

    public static final Caller ANONYMOUS = new Caller(null, null, null);

    public static Caller of(SecurityIdentity identity, String roleClaim) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken token) {
            return new Caller(claim(token, "userId"), claim(token, "email"), claim(token, roleClaim));
        }
        return new Caller(null, principal == null ? null : principal.getName(), null);
    }

    /** The name a run or schedule change records as its actor. */
    public String actor() {
        if (email != null) {
            return email;
        }
        return userId != null ? "user:" + userId : "unknown";
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return null;
        }
        // userId may be a JSON number in the order system's tokens
        if (value instanceof jakarta.json.JsonString string) {
            return string.getString();
        }
        return value.toString();
    }
}
