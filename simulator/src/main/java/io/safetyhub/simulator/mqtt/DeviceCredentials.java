package io.safetyhub.simulator.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a device logs in to the MQTT endpoint. device-adapter authenticates every device with user name = device id
 * and password = the secret the registry issued for it; a broker in the middle may instead take one shared account.
 * Without any of these the connection is anonymous (today's devstack broker takes that).
 */
public final class DeviceCredentials {
    /** One CONNECT's user name and password. */
    public record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[" + username + "]"; // never the secret, not even in a debug log
        }
    }

    private final Map<String, String> secrets;
    private final Login shared;
    private final String ownIdPassword;
    private final String origin;

    private DeviceCredentials(Map<String, String> secrets, Login shared, String ownIdPassword, String origin) {
        this.secrets = Map.copyOf(secrets);
        this.shared = shared;
        this.ownIdPassword = ownIdPassword;
        this.origin = origin;
    }

    /** Anonymous connections. */
    public static DeviceCredentials none() {
        return new DeviceCredentials(Map.of(), null, null, "none");
    }

    /** One account for every connection (a broker with its own users). */
    public static DeviceCredentials shared(String username, String password) {
        return new DeviceCredentials(Map.of(), new Login(username, password), null, "shared user " + username);
    }

    /** User name = the device id, the same password for each (a single device, or a test registry). */
    public static DeviceCredentials ownId(String password) {
        return new DeviceCredentials(Map.of(), null, password, "device id + one password");
    }

    /**
     * A file of {@code deviceId=secret} lines (blank lines and {@code #} comments skipped; the secret is everything
     * after the first {@code =}, so it may itself hold {@code =} or {@code :}); user name = the device id.
     */
    public static DeviceCredentials file(Path file) throws IOException {
        return new DeviceCredentials(parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString()), null,
                null, "file " + file);
    }

    static Map<String, String> parse(List<String> lines, String origin) {
        Map<String, String> secrets = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0 || equals == line.length() - 1) {
                throw new IllegalArgumentException(origin + " line " + (i + 1) + ": expected deviceId=secret");
            }
            secrets.put(line.substring(0, equals).strip(), line.substring(equals + 1));
        }
        return secrets;
    }

    /** The login of a device; empty for anonymous. Fails for a device the credentials file does not list. */
    public Optional<Login> forDevice(String deviceId) {
        if (shared != null) {
            return Optional.of(shared);
        }
        if (ownIdPassword != null) {
            return Optional.of(new Login(deviceId, ownIdPassword));
        }
        if (origin.startsWith("file ")) {
            String secret = secrets.get(deviceId);
            if (secret == null) {
                throw new IllegalArgumentException("no credentials for device " + deviceId + " in " + origin.substring(5));
            }
            return Optional.of(new Login(deviceId, secret));
        }
        return Optional.empty();
    }

    /**
     * True when each device must have a connection of its own: the endpoint checks that a device publishes only on
     * its own topics, so a connection shared by several devices would be refused.
     */
    public boolean perDevice() {
        return shared == null && (ownIdPassword != null || origin.startsWith("file "));
    }

    /** Where the credentials come from, for logs (never a secret). */
    public String describe() {
        return origin;
    }
}
