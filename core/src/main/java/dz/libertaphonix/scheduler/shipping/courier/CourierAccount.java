package dz.libertaphonix.scheduler.shipping.courier;

import dz.libertaphonix.scheduler.common.CredentialState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The observed state of one Maystro account: its {@code courier_accounts} row. The key itself is
 * configuration (a secret, see {@code MaystroCredentials}); only the account's name and whether
 * Maystro accepted the key live here, written by {@link CourierKeyRecorder}.
 */
@Entity
@Table(name = "courier_accounts")
public class CourierAccount {

    @Id
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "credential_state", nullable = false)
    public CredentialState credentialState = CredentialState.OK;

    @Column(name = "credential_error")
    public String credentialError;

    @Column(name = "credential_checked_at")
    public Instant credentialCheckedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
