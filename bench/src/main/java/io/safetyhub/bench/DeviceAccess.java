package io.safetyhub.bench;

import io.safetyhub.simulator.mqtt.DeviceCredentials;
import io.safetyhub.simulator.mqtt.MqttEndpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the bench's devices (the load generator's {@code LOAD-…} and the alarm probe's {@code BENCH-A-…}) reach the
 * MQTT endpoint: its URL, their logins and the CA of a TLS endpoint. All optional, so a stack whose endpoint takes
 * anonymous devices keeps working; device-adapter as the endpoint wants user name = device id and the secret its
 * registry issued ({@code --credentials FILE} of {@code deviceId=secret} lines).
 */
public record DeviceAccess(String url, String credentialsFile, String username, String password, String tlsCa) {

    public static DeviceAccess from(Options o, String defaultUrl) {
        DeviceAccess access = new DeviceAccess(o.get("mqtt", defaultUrl), o.get("credentials", null),
                o.get("username", null), o.get("password", null), o.get("tls-ca", null));
        access.credentials(); // a bad combination fails before any window starts
        return access;
    }

    public static DeviceAccess anonymous(String url) {
        return new DeviceAccess(url, null, null, null, null);
    }

    public DeviceAccess at(String otherUrl) {
        return new DeviceAccess(otherUrl, credentialsFile, username, password, tlsCa);
    }

    DeviceCredentials credentials() {
        if (credentialsFile != null && (username != null || password != null)) {
            throw new IllegalArgumentException("--credentials and --username/--password exclude each other");
        }
        if (username != null && password == null) {
            throw new IllegalArgumentException("--username needs --password");
        }
        try {
            return credentialsFile != null ? DeviceCredentials.file(Path.of(credentialsFile))
                    : password == null ? DeviceCredentials.none()
                    : username != null ? DeviceCredentials.shared(username, password)
                    : DeviceCredentials.ownId(password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --credentials " + credentialsFile, e);
        }
    }

    /** The endpoint as the simulator's links take it: state in memory (the bench keeps its own counts). */
    public MqttEndpoint endpoint() {
        return new MqttEndpoint(url, credentials(), Optional.ofNullable(tlsCa).map(Path::of), Optional.empty(),
                MqttEndpoint.DEFAULT_SESSION_EXPIRY, MqttEndpoint.DEFAULT_OFFLINE_BUFFER);
    }

    /** The same access as the simulator's command line spells it. */
    public List<String> simulatorArgs() {
        List<String> args = new ArrayList<>(List.of("--mqtt", url, "--state-dir", "none"));
        if (credentialsFile != null) {
            args.addAll(List.of("--credentials", credentialsFile));
        }
        if (username != null) {
            args.addAll(List.of("--username", username));
        }
        if (password != null) {
            args.addAll(List.of("--password", password));
        }
        if (tlsCa != null) {
            args.addAll(List.of("--tls-ca", tlsCa));
        }
        return args;
    }

    /** For reports: never a secret. */
    public String describe() {
        return url + " (" + credentials().describe() + (tlsCa == null ? "" : ", CA " + tlsCa) + ")";
    }
}
