package dz.libertaphonix.scheduler.api.http;

import dz.libertaphonix.scheduler.common.Page;
import java.util.List;
import java.util.function.Function;

/** One page of a list: its rows, where it is, and how many rows match in all. */
public record PageView<T>(List<T> items, int page, int size, long total, int totalPages) {

    public static <E, T> PageView<T> of(Page<E> page, Function<? super E, ? extends T> mapper) {
        Page<T> mapped = page.map(mapper);
        return new PageView<>(mapped.items(), mapped.page(), mapped.size(), mapped.total(), mapped.totalPages());
    }
}
