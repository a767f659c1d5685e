package dz.libertaphonix.scheduler.api.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Gives the application this test JVM's HS256 secret (see {@link AdminTokens}). */
public class JwtSecretResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("scheduler.jwt.secret", AdminTokens.SECRET);
    }

    @Override
    public void stop() {
        // nothing to stop
    }
}
