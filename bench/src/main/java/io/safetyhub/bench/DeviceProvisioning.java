package io.safetyhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench devices}: registers the bench's devices (the load generator's {@code LOAD-00001}… and the alarm
 * probe's {@code BENCH-A-0001}…, gas alarms of chem-banan-01) in device-adapter's registry as the operator does, issues
 * each a password, and writes them as {@code deviceId=secret} lines for {@code --credentials FILE}: device-adapter
 * is the MQTT endpoint and lets in only registered devices with their own credentials (issue 14). A device that is
 * already registered keeps its entry and gets a new password (the file is the only place the passwords are).
 */
public final class DeviceProvisioning {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DeviceProvisioning() {
    }

    public static int run(Target target, Options o) throws IOException, InterruptedException {
        int load = o.integer("load", 1000);
        int probes = o.integer("probes", 20);
        String adapter = o.get("adapter", "http://127.0.0.1:8082");
        Path out = Path.of(o.get("out", target.root().resolve("bench/target/devices.secrets").toString()));
        o.rejectUnknown();
        String token = Tokens.password(target.keycloakUrl(), "ops", "safetyhub");
        List<String> lines = new ArrayList<>();
        lines.add("# bench devices and their passwords, issued by device-adapter; bench/run passes this as --credentials");
        for (String id : ids(load, probes)) {
            lines.add(id + "=" + provision(adapter, token, id));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines);
        System.out.printf("devices: %d registered with a password each, written to %s%n", lines.size() - 1, out);
        return 0;
    }

    /** The load generator's ids ({@code LOAD-%05d}, from 1) and the probe's ({@code BENCH-A-%04d}, from 1). */
    static List<String> ids(int load, int probes) {
        List<String> ids = new ArrayList<>(LoadProcess.deviceIds(load));
        for (int i = 0; i < probes; i++) {
            ids.add(AlarmProbe.deviceId(i));
        }
        return ids;
    }

    /**
     * Every bench device publishes every 600 s as far as the registry knows (the warning-service defaults the bench
     * sets, WARNING_DEFAULTS_PUBLISHING_INTERVAL=10m, say the same): device-adapter reports a device offline after three
     * intervals without data, and with its 30 s default the bench's own pauses between windows (~100 s of drain) made
     * all 1,000 devices offline in every drain and online again in the first seconds of every window, a burst no steady
     * fleet goes through. A device registered before is updated to it.
     */
    static final int PUBLISHING_INTERVAL_SECONDS = 600;

    private static String provision(String adapter, String token, String id) throws IOException, InterruptedException {
        String device = JSON.writeValueAsString(java.util.Map.of("id", id, "enterpriseId", "chem-banan-01",
                "kind", "gas-alarm", "protocol", "MQTT", "publishingIntervalSeconds", PUBLISHING_INTERVAL_SECONDS));
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(adapter + "/api/devices"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(device)), token);
        if (created.statusCode() == 409) {
            created = send(HttpRequest.newBuilder(URI.create(adapter + "/api/devices/" + id))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(device)), token);
        }
        if (created.statusCode() != 201 && created.statusCode() != 200) {
            throw new IOException("registering " + id + ": HTTP " + created.statusCode() + " " + created.body());
        }
        HttpResponse<String> issued = send(HttpRequest.newBuilder(
                URI.create(adapter + "/api/devices/" + id + "/credentials/password"))
                .POST(HttpRequest.BodyPublishers.noBody()), token);
        if (issued.statusCode() != 201) {
            throw new IOException("issuing a password to " + id + ": HTTP " + issued.statusCode() + " " + issued.body());
        }
        return JSON.readTree(issued.body()).path("password").asText();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token)
            throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
