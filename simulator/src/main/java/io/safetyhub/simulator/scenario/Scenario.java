package io.safetyhub.simulator.scenario;

/** A scripted behaviour of some devices. Later scenarios (overload, gale, offline) and the load generator slot in here. */
public interface Scenario {

    /** Runs until the script ends or {@code control} says stop; returns the process exit code. */
    int run(RunControl control) throws Exception;
}
