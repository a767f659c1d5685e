package dz.libertaphonix.scheduler.common;

/** What the upstream last said about a token or key: accepted, or refused with 401/403. */
public enum CredentialState {
    OK,
    REJECTED
}
