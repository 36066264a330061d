package io.safetyhub.training.common;

import java.util.List;

/**
 * One page of a list.
 *
 * @param page  zero-based page number
 * @param size  page size asked for
 * @param total matching items on all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {
}
