package io.safetyhub.bench;

/** One window of load: its generator's process, when it starts sending, and what it reported at its end. */
public interface LoadRun {
    long pid();

    /** Waits until the window's first message is due (its devices logged in); false when {@code max} passed first. */
    boolean awaitSending(java.time.Duration max) throws InterruptedException;

    /** Waits for the window's end and parses the generator's result line for it. */
    LoadProcess.Result await() throws InterruptedException;
}
