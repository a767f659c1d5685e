package dz.libertaphonix.scheduler.api.security;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Builds SmallRye JWT's verification settings from {@link JwtConfig}, replacing the library's
 * {@code mp.jwt.*} properties: the order system signs HS256 with a raw shared secret and no issuer,
 * which the standard properties cannot express from one environment variable.
 */
@ApplicationScoped
public class JwtVerification {

    private static final Logger LOG = Logger.getLogger(JwtVerification.class);

    // HS256 wants a 256-bit key; the order system's secret is what it is, and its tokens must keep working
    private static final int RECOMMENDED_SECRET_BYTES = 32;

    private final JwtConfig config;

    public JwtVerification(JwtConfig config) {
        this.config = config;
    }

    /** Refuses to start without a key: an API that cannot verify tokens must not look healthy. */
    void checkAtStartup(@Observes StartupEvent event) {
        contextInfo();
    }

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo contextInfo() {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        switch (config.algorithm()) {
            case HS256 -> {
                String secret = config.secret()
                        .filter(value -> !value.isBlank())
                        .orElseThrow(
                                () -> new IllegalStateException(
                                        "scheduler.jwt.secret (SCHEDULER_JWT_SECRET) is required with scheduler.jwt.algorithm=HS256"));
                byte[] key = secret.getBytes(StandardCharsets.UTF_8);
                if (key.length < RECOMMENDED_SECRET_BYTES) {
                    LOG.warnf(
                            "the HS256 JWT secret is %d bytes, under the recommended %d; accepted so the order system's tokens keep working",
                            key.length, RECOMMENDED_SECRET_BYTES);
                    info.setRelaxVerificationKeyValidation(true);
                }
                info.setSecretVerificationKey(new SecretKeySpec(key, "HmacSHA256"));
                info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
            }
            case RS256 -> {
                String location = config.keyLocation()
                        .filter(value -> !value.isBlank())
                        .orElseThrow(() -> new IllegalStateException(
                                "scheduler.jwt.key-location is required with scheduler.jwt.algorithm=RS256"));
                info.setPublicKeyLocation(location);
                info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
            }
        }
        config.issuer().ifPresent(info::setIssuedBy);
        config.audiences().ifPresent(info::setExpectedAudience);
        info.setClockSkew((int) config.clockSkew().toSeconds());
        // the order system's tokens carry {userId, email, role}: no sub/upn, the role is a plain string
        info.setRequireNamedPrincipal(false);
        info.setSubjectPath("email");
        info.setGroupsPath(config.roleClaim());
        return info;
    }
}
