package dz.libertaphonix.scheduler.common;

/** Which page of a list to read: {@code page} from 1, {@code size} rows. */
public record PageRequest(int page, int size) {

    public PageRequest {
        if (page < 1) {
            throw new IllegalArgumentException("page starts at 1");
        }
        if (size < 1) {
            throw new IllegalArgumentException("page size must be positive");
        }
    }

    /** Zero-based page index, as Panache counts. */
    public int index() {
        return page - 1;
    }
}
