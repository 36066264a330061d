package io.safetyhub.adapter.device;

/** How a device's data reaches the adapter. */
public enum Protocol {
    /** The device publishes on the MQTT contract's topics itself. */
    MQTT,
    /** The adapter reads the device's values from a plant's OPC UA server (DCS, SIS). */
    OPC_UA
}
