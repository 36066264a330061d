package io.safetyhub.platform.rest;

import java.util.List;
import java.util.function.Function;

/**
 * One page of any list SafetyHub answers.
 *
 * @param items this page's items
 * @param page  zero-based page number
 * @param size  page size asked for
 * @param total matching items on all pages that the caller may see
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.size(), total);
    }

    /** A page cut from a list already held in memory (small registries, computed lists). */
    public static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), request.offset());
        int to = Math.min(all.size(), from + request.size());
        return new Page<>(all.subList(from, to), request.page(), request.size(), all.size());
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
