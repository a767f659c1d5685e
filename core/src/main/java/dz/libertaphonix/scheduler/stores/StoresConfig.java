package dz.libertaphonix.scheduler.stores;

import io.smallrye.config.ConfigMapping;

/** Configuration of the stores feature. */
@ConfigMapping(prefix = "scheduler.stores")
public interface StoresConfig {

    /**
     * AES key (base64 of 16, 24 or 32 bytes) that encrypts store API tokens at rest. From
     * {@code SCHEDULER_TOKEN_KEY} (Secrets Manager in AWS); never in a file.
     */
    String tokenKey();
}
