package io.safetyhub.events;

/** Reading quality; OPC UA status codes map onto these (Good / Uncertain / Bad severity bits). */
public enum Quality {
    GOOD, UNCERTAIN, BAD
}
