package io.safetyhub.devstack.testing;

import io.safetyhub.devstack.RootDir;
import io.safetyhub.devstack.Stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in test JVM for {@link SharedKeycloakIT}: claims the shared Keycloak under {@code args[0]} (starting it
 * if needed), prints {@code LEASED port=P keycloak=PID started=true|false}, holds the lease until its stdin closes.
 */
public final class LeaseHolderMain {

    private LeaseHolderMain() {
    }

    public static void main(String[] args) throws IOException {
        SharedKeycloak keycloak = SharedKeycloak.claim(RootDir.find(), Path.of(args[0]), System.out)
                .orElseThrow(() -> new IllegalStateException("no slot"));
        if (keycloak.mustStart()) {
            try {
                new Stack(System.out).up(List.of(keycloak.component()));
            } finally {
                keycloak.started();
            }
        }
        long pid = io.safetyhub.devstack.Processes.running(keycloak.component()).orElseThrow().pid();
        System.out.println("LEASED port=" + keycloak.port() + " keycloak=" + pid + " started=" + keycloak.mustStart());
        System.out.flush();
        while (System.in.read() >= 0) {
            // held until the test closes our stdin (or kills us)
        }
        keycloak.close();
    }
}
