package dz.libertaphonix.scheduler.events;

import dz.libertaphonix.scheduler.runs.JobId;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An upstream refused an account's credentials (401/403): an EcoManager store's token, or a Maystro
 * account's API key. Published by the run that met the refusal; the record is its own detail.
 *
 * @param kind a store's or a courier account's
 * @param account the store's identifier, or the Maystro account's name
 * @param job the job whose run met it
 * @param runId that run
 * @param httpStatus the status the upstream answered
 * @param detectedAt when
 */
@RegisterForReflection
public record CredentialsRejected(Kind kind, String account, JobId job, UUID runId, int httpStatus, Instant detectedAt)
        implements SchedulerEvent {

    public static final String DETAIL_TYPE = "CredentialsRejected";

    /** Whose credentials: in JSON {@code store} or {@code courier-account}. */
    public enum Kind {
        @com.fasterxml.jackson.annotation.JsonProperty("store")
        STORE,
        @com.fasterxml.jackson.annotation.JsonProperty("courier-account")
        COURIER_ACCOUNT
    }

    public CredentialsRejected {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }

    @Override
    public Instant time() {
        return detectedAt;
    }
}
