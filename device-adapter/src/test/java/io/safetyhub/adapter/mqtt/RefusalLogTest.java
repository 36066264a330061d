package io.safetyhub.adapter.mqtt;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefusalLogTest {
    private final AtomicLong now = new AtomicLong();
    private final RefusalLog log = new RefusalLog(1_000, 2, now::get);

    @Test
    void shouldLogOncePerDeviceAndReasonWhenADeviceRetriesWithAStalePassword() {
        assertTrue(log.shouldLog("GA-0001", "wrong_password"));
        assertFalse(log.shouldLog("GA-0001", "wrong_password"));
        assertTrue(log.shouldLog("GA-0001", "expired"), "another reason is news");
        now.addAndGet(1_000);
        assertTrue(log.shouldLog("GA-0001", "wrong_password"), "again after the window");
    }

    @Test
    void shouldStayBoundedWhenAGuesserInventsDeviceIds() {
        log.shouldLog("a", "unknown_device");
        log.shouldLog("b", "unknown_device");
        log.shouldLog("c", "unknown_device");

        assertTrue(log.shouldLog("a", "unknown_device"), "a was forgotten: the table holds two");
    }
}
