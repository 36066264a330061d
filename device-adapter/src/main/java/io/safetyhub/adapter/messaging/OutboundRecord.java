package io.safetyhub.adapter.messaging;

/** One record for Kafka, already serialised: what the sender sends and, past its memory bound, spools to disk. */
record OutboundRecord(String topic, String key, byte[] value) {
}
