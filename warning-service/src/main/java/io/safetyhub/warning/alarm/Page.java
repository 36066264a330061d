package io.safetyhub.warning.alarm;

import java.util.List;

/** One page of a list; {@code total} counts every matching item the caller may see. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
