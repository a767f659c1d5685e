package dz.libertaphonix.scheduler.testsupport;

import java.time.Instant;

/** One row of {@code customers} as a test writes it ({@link OrderRows}). */
public final class CustomerRow {

    public Long id;
    public String fullName;
    public String phone;
    public String wilaya;
    public String commune;
    public Instant createdAt;
    public Instant updatedAt;
}
