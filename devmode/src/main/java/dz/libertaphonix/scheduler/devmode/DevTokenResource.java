package dz.libertaphonix.scheduler.devmode;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.vertx.http.HttpServerStart;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Dev mode only: mints tokens shaped like the order system's ({@code userId, email, role}, HS256
 * with the dev secret), so the dashboard and curl work at once. {@code GET /dev/token?role=ADMIN}.
 */
@Path("/dev/token")
@PermitAll
@IfBuildProfile("dev")
public class DevTokenResource {

    private static final Logger LOG = Logger.getLogger(DevTokenResource.class);
    private static final Set<String> ROLES = Set.of("ADMIN", "TEAM_MANAGER", "AGENT");

    private final String secret;
    private final int port;

    public DevTokenResource(
            @ConfigProperty(name = "scheduler.jwt.secret") String secret,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        this.secret = secret;
        this.port = port;
    }

    // once the HTTP server listens: a port already taken fails the start before any URL is printed
    void announce(@ObservesAsync HttpServerStart start) {
        int listening = start.options().getPort() > 0 ? start.options().getPort() : port;
        LOG.infof(
                "dev mode: dashboard at http://localhost:%d/admin/scheduler — an ADMIN token: curl -s localhost:%d/dev/token",
                listening, listening);
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String token(@QueryParam("role") @DefaultValue("ADMIN") String role) {
        if (!ROLES.contains(role)) {
            throw new BadRequestException("role must be one of " + ROLES);
        }
        String user = role.toLowerCase().replace('_', '-');
        return Jwt.claim("userId", "dev-" + user)
                .claim("email", user + "@libertaphonix.local")
                .claim("role", role)
                .expiresIn(Duration.ofHours(12))
                .signWithSecret(secret);
    }
}
