package io.safetyhub.adapter.mqtt;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** PUBACKs: only for stored messages, in arrival order, refusals in their turn, nothing after a failure. */
class AckSequencerTest {
    private final List<String> sent = new ArrayList<>();
    private final AckSequencer acks = new AckSequencer(new AckSequencer.Acknowledger() {
        @Override
        public void acknowledge(int messageId, boolean authorized) {
            sent.add(messageId + (authorized ? "" : ":0x87"));
        }

        @Override
        public void failed(int messageId, Throwable failure) {
            sent.add(messageId + ":failed");
        }
    });

    @Test
    void shouldAcknowledgeNothingWhenKafkaHasNotStoredTheMessage() {
        acks.arrived(1, new CompletableFuture<>());
        acks.release();

        assertEquals(List.of(), sent);
        assertEquals(1, acks.waiting());
    }

    @Test
    void shouldAcknowledgeInArrivalOrderWhenLaterMessagesAreStoredFirst() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        acks.arrived(1, first);
        acks.arrived(2, second);
        acks.refused(3);

        second.complete(null);
        acks.release();
        assertEquals(List.of(), sent, "2 waits for 1");

        first.complete(null);
        acks.release();
        assertEquals(List.of("1", "2", "3:0x87"), sent);
        assertEquals(0, acks.waiting());
    }

    @Test
    void shouldStopAcknowledgingWhenAMessageCouldNotBeStored() {
        acks.arrived(1, CompletableFuture.failedFuture(new IOException("disk full")));
        acks.arrived(2, CompletableFuture.completedFuture(null));
        acks.release();

        assertEquals(List.of("1:failed"), sent, "2 is not acknowledged: the device resends both after reconnecting");
    }
}
