package dz.libertaphonix.scheduler.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, numbered from 1.
 *
 * @param items the rows of this page
 * @param page its number, from 1
 * @param size the page size asked for
 * @param total rows matching the query across all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) page * size < total;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
