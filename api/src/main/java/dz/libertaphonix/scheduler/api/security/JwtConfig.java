package dz.libertaphonix.scheduler.api.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** How the admin API verifies bearer tokens. */
@ConfigMapping(prefix = "scheduler.jwt")
public interface JwtConfig {

    /**
     * HS256: the order system's own tokens, signed with its shared secret ({@link #secret()}).
     * RS256: standard tokens verified with the public key or JWKS at {@link #keyLocation()}.
     */
    @WithDefault("HS256")
    Algorithm algorithm();

    /** The order system's HS256 shared secret, from {@code SCHEDULER_JWT_SECRET}. Never in a file. */
    Optional<String> secret();

    /** RS256: where the public key or JWKS is (https URL, file or classpath), e.g. an IdP's jwks_uri. */
    Optional<String> keyLocation();

    /** The {@code iss} a token must carry; the order system's tokens have none, so not checked by default. */
    Optional<String> issuer();

    /** {@code aud} values a token may carry; not checked by default. */
    Optional<Set<String>> audiences();

    /** The claim holding the caller's role ({@code ADMIN}, {@code TEAM_MANAGER} …). */
    @WithDefault("role")
    String roleClaim();

    /** Clock difference tolerated when checking {@code exp}. */
    @WithDefault("30s")
    Duration clockSkew();

    enum Algorithm {
        HS256,
        RS256
    }
}
