package dz.libertaphonix.scheduler.importing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A stretch of a store's EcoManager order list not read yet: ids strictly between {@link #aboveId}
 * and {@link #belowId}. Opened when a walk stops at its page budget before reaching the cursor;
 * read by later runs from {@link #resumeCursor} until it closes.
 */
@Entity
@Table(name = "import_gaps")
public class ImportGap {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "store_id", nullable = false)
    public Long storeId;

    @Column(name = "above_id", nullable = false)
    public long aboveId;

    @Column(name = "below_id", nullable = false)
    public long belowId;

    /** EcoManager's opaque cursor for the next page to read. */
    @Column(name = "resume_cursor", nullable = false)
    public String resumeCursor;

    @Column(name = "pages_read", nullable = false)
    public int pagesRead;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
