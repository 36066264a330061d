package io.safetyhub.devstack.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What a slot records about its running shared Keycloak ({@code shared-keycloak.properties}): written by the JVM
 * that started it once it answered, removed by the reaper when it stops it.
 *
 * @param realmDigest SHA-256 of the realm file Keycloak imported, so a changed realm is never served as current
 */
record SlotState(int port, long keycloakPid, long reaperPid, String realmDigest) {

    /** Empty when there is no record or it is unreadable (a torn write counts as no Keycloak). */
    static Optional<SlotState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            return Optional.of(new SlotState(Integer.parseInt(properties.getProperty("port", "")),
                    Long.parseLong(properties.getProperty("keycloak.pid", "")),
                    Long.parseLong(properties.getProperty("reaper.pid", "")),
                    properties.getProperty("realm.sha256", "")));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Written beside and moved into place, so a reader never sees half a record. */
    void write(Path file) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("keycloak.pid", Long.toString(keycloakPid));
        properties.setProperty("reaper.pid", Long.toString(reaperPid));
        properties.setProperty("realm.sha256", realmDigest);
        Path staging = file.resolveSibling(file.getFileName() + ".new");
        try (Writer out = Files.newBufferedWriter(staging, StandardCharsets.UTF_8)) {
            properties.store(out, "the shared test Keycloak of this slot (see devstack/README.md)");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
