package io.safetyhub.adapter.device;

/**
 * A CDI event fired after the registry changed: {@code before} null for a new device, {@code after} null for a
 * removed one. The OPC UA sessions and the silence watch listen to it.
 */
public record RegistryChange(Device before, Device after) {
}
