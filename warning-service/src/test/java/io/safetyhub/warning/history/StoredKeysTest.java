package io.safetyhub.warning.history;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoredKeysTest {

    @Test
    void shouldHoldLookedUpAndAddedKeysWhenTheBucketIsKnown() {
        StoredKeys keys = new StoredKeys(100);
        keys.replace("a", List.of(30L, 10L, 10L));
        keys.add("a", List.of(20L, 40L));
        keys.add("unknown", List.of(1L));
        assertTrue(keys.holds("a", 10L));
        assertTrue(keys.holds("a", 20L));
        assertTrue(keys.holds("a", 40L));
        assertFalse(keys.holds("a", 25L));
        assertFalse(keys.knows("unknown"), "adding to a bucket never looked up must not make it known");
        assertEquals(4, keys.held());
    }

    @Test
    void shouldForgetTheLeastRecentlyUsedBucketsWhenOverCapacity() {
        StoredKeys keys = new StoredKeys(5);
        keys.replace("old", List.of(1L, 2L, 3L));
        keys.replace("new", List.of(4L, 5L));
        keys.holds("old", 1L); // used: "new" is now the least recent
        keys.replace("newest", List.of(6L));
        assertTrue(keys.knows("old"));
        assertFalse(keys.knows("new"));
        assertTrue(keys.knows("newest"));
        assertEquals(4, keys.held());
    }

    @Test
    void shouldKnowAnEmptyBucketWhenItWasLookedUpAndNotFound() {
        StoredKeys keys = new StoredKeys(10);
        keys.replace("fresh", List.of());
        assertTrue(keys.knows("fresh"));
        assertFalse(keys.holds("fresh", 1L));
        keys.forget("fresh");
        assertFalse(keys.knows("fresh"));
        keys.replace("x", List.of(1L));
        keys.clear();
        assertEquals(0, keys.held());
        assertEquals(0, keys.buckets());
    }
}
