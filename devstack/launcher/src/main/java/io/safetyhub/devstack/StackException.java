package io.safetyhub.devstack;

/** A component could not be started; the message names it and says why. */
public class StackException extends RuntimeException {

    private final boolean reported;

    public StackException(String message) {
        this(message, null, false);
    }

    public StackException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** @param reported the launcher has already printed this to the user, with details */
    StackException(String message, Throwable cause, boolean reported) {
        super(message, cause);
        this.reported = reported;
    }

    public boolean reported() {
        return reported;
    }
}
