package io.safetyhub.training.common;

/** Paging limits of this service's lists. */
public final class Paging {
    /** The largest page a list answers: lists are read by people and the console, not exported whole. */
    public static final int MAX_SIZE = 100;

    private Paging() {
    }
}
