package io.safetyhub.platform.rest;

/**
 * A validated page and size. {@link #offset()} is a long computed once, so that {@code page × size} can neither
 * overflow nor reach past {@link #MAX_OFFSET}: deep paging is refused, not silently wrapped to a negative skip.
 */
public record PageRequest(int page, int size) {
    /** Deepest item a list may be paged to; filters, not paging, narrow larger sets. */
    public static final long MAX_OFFSET = 1_000_000;

    public long offset() {
        return (long) page * size;
    }

    /** The offset as the int a Mongo {@code skip} takes; safe because it is bounded by {@link #MAX_OFFSET}. */
    public int skip() {
        return (int) offset();
    }
}
