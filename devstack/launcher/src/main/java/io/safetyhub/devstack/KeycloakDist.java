package io.safetyhub.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Keycloak distribution of one stack: unpacked once from the zip in the local Maven
 * repository into {@code home}, with the SafetyHub realm put in its import folder at each start.
 * Its H2 database lives inside the unpacked distribution ({@code data/h2}).
 */
public final class KeycloakDist {

    private static final String REALM_FILE = "safetyhub-realm.json";

    private final Path home;
    private final Path realm;
    private final String version;
    private final PrintStream out;

    /**
     * @param home  where the distribution is unpacked (e.g. {@code .safetyhub/keycloak})
     * @param realm the realm file, {@code devstack/realm/safetyhub-realm.json}
     */
    public KeycloakDist(Path home, Path realm, PrintStream out) {
        this.home = home.toAbsolutePath().normalize();
        this.realm = realm.toAbsolutePath().normalize();
        this.version = ModuleJars.version("keycloak.version");
        this.out = out;
    }

    public Path dist() {
        return home.resolve("keycloak-" + version);
    }

    /** kc.sh resolves its own path, so the running java carries {@code <dist>/bin/..} in its arguments. */
    public String marker() {
        return dist().resolve("bin") + "/";
    }

    /**
     * The zip as the reactor build downloads it (devstack/keycloak), or the file named by
     * {@code -Dsafetyhub.keycloak.zip}.
     */
    public Path zip() {
        String override = System.getProperty("safetyhub.keycloak.zip");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String repository = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        return Path.of(repository, "org", "keycloak", "keycloak-quarkus-dist", version,
                "keycloak-quarkus-dist-" + version + ".zip");
    }

    public boolean available() {
        return Files.isDirectory(dist().resolve("bin")) || Files.isRegularFile(zip());
    }

    public String notAvailable() {
        return "the Keycloak distribution is not in the local Maven repository (" + zip() + "): run "
                + ModuleJars.BUILD_INFRA + " (devstack/keycloak downloads org.keycloak:keycloak-quarkus-dist:"
                + version + ":zip)";
    }

    public List<String> command(int port) {
        return List.of(dist().resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--http-port", Integer.toString(port),
                "--http-host", "127.0.0.1",
                // Fixes the issuer to localhost whatever address a client used: services validate
                // `iss` against their auth-server-url, which says localhost.
                "--hostname", "http://localhost:" + port,
                "--import-realm");
    }

    /** Unpacks the distribution if needed and puts the current realm file in its import folder. */
    public void prepare() throws IOException {
        if (!Files.isDirectory(dist().resolve("bin"))) {
            unpack();
        }
        Path data = dist().resolve("data");
        Path stamp = data.resolve(REALM_FILE + ".sha256");
        String digest = sha256(realm);
        Path database = data.resolve("h2");
        // --import-realm skips a realm that exists, so a changed realm file would silently not
        // apply: start from an empty database instead.
        if (Files.isDirectory(database) && Files.exists(stamp) && !Files.readString(stamp).trim().equals(digest)) {
            out.println("[info] keycloak: " + realm.getFileName() + " changed since it was imported; "
                    + "re-importing (users and settings changed in Keycloak itself are reset)");
            deleteTree(database);
        }
        Files.createDirectories(data.resolve("import"));
        Files.copy(realm, data.resolve("import").resolve(REALM_FILE), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(stamp, digest + "\n");
    }

    private void unpack() throws IOException {
        Path zip = zip();
        if (!Files.isRegularFile(zip)) {
            throw new StackException(notAvailable());
        }
        out.println("[info] keycloak: unpacking " + zip.getFileName() + " into " + home);
        Files.createDirectories(home);
        // Unpacked beside the target and renamed at the end, so an interrupted unpack never
        // leaves a half distribution that later starts would take for a whole one.
        Path staging = Files.createTempDirectory(home, ".unpacking-");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path unpacked = staging.resolve(dist().getFileName());
        // java.util.zip drops Unix permissions.
        try (Stream<Path> scripts = Files.walk(unpacked.resolve("bin"))) {
            scripts.filter(file -> file.toString().endsWith(".sh")).forEach(file -> file.toFile().setExecutable(true));
        }
        Files.move(unpacked, dist(), StandardCopyOption.ATOMIC_MOVE);
        deleteTree(staging);
    }

    /** Hex SHA-256 of a file: the realm file's identifies what a Keycloak database imported. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
