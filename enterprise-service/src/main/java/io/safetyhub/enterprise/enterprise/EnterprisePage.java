package io.safetyhub.enterprise.enterprise;

import java.util.List;

/**
 * One page of the registry.
 *
 * @param page  zero-based page number
 * @param size  page size asked for
 * @param total matching enterprises on all pages
 */
public record EnterprisePage(List<EnterpriseView> items, int page, int size, long total) {
}
