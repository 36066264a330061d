package io.safetyhub.adapter.telemetry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * {@link UUID#nameUUIDFromBytes} (a version 3, MD5 name-based UUID) without its {@code MessageDigest.getInstance} per
 * call: that provider lookup was most of the cost of deriving a reading's event id, which device-adapter does for
 * every reading on the MQTT event loop. Each thread keeps one digest; the result is the same UUID, bit for bit, so
 * the ids of readings a device sends again stay those a consumer has already seen.
 */
final class NameUuids {
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new InternalError("MD5 is a required algorithm of every Java platform", e);
        }
    });

    private NameUuids() {
    }

    static UUID fromBytes(byte[] name) {
        byte[] md5 = MD5.get().digest(name); // digest() also resets the digest for the next call
        md5[6] = (byte) ((md5[6] & 0x0f) | 0x30); // version 3
        md5[8] = (byte) ((md5[8] & 0x3f) | 0x80); // IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (md5[i] & 0xff);
        }
        for (int i = 8; i < 16; i++) {
            lsb = (lsb << 8) | (md5[i] & 0xff);
        }
        return new UUID(msb, lsb);
    }
}
