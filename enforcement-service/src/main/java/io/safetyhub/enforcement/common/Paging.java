package io.safetyhub.enforcement.common;

/** The largest page this service's lists answer: they are read by people and the console, not exported whole. */
public final class Paging {
    public static final int MAX_SIZE = 100;

    private Paging() {
    }
}
