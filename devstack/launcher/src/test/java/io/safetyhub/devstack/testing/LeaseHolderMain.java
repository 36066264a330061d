package io.safetyhub.devstack.testing;

import io.safetyhub.devstack.Processes;
import io.safetyhub.devstack.RootDir;
import io.safetyhub.devstack.Stack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in test JVM for {@link SharedKeycloakIT}, holding what it took until its stdin closes (or it is killed):
 * <ul>
 *   <li>{@code claim <safetyhub-dir>}: claims the shared Keycloak as {@link TestInfra} does (starting it if needed)
 *       and prints {@code LEASED port=P keycloak=PID started=true|false};</li>
 *   <li>{@code lease <slot>}: only takes the shared lock on the slot's lease file and prints {@code LEASED}.</li>
 * </ul>
 */
public final class LeaseHolderMain {

    private LeaseHolderMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("lease")) {
            try (FileChannel lease = SharedKeycloak.open(Path.of(args[1]).resolve(KeycloakReaper.LEASE))) {
                lease.lock(0, Long.MAX_VALUE, true);
                System.out.println("LEASED");
                awaitStdinClosed();
            }
            return;
        }
        SharedKeycloak keycloak = SharedKeycloak.claim(RootDir.find(), Path.of(args[1]), System.out)
                .orElseThrow(() -> new IllegalStateException("no usable slot under " + args[1]));
        if (keycloak.mustStart()) {
            try {
                new Stack(System.out).up(List.of(keycloak.component()));
            } finally {
                keycloak.started();
            }
        }
        long pid = Processes.running(keycloak.component()).orElseThrow().pid();
        System.out.println("LEASED port=" + keycloak.port() + " keycloak=" + pid + " started=" + keycloak.mustStart());
        awaitStdinClosed();
        keycloak.close();
    }

    private static void awaitStdinClosed() throws IOException {
        System.out.flush();
        while (System.in.read() >= 0) {
            // held until the test closes our stdin (or kills us)
        }
    }
}
