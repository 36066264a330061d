package io.safetyhub.simulator.load;

import io.safetyhub.simulator.mqtt.DeviceCredentials;
import io.safetyhub.simulator.mqtt.MqttEndpoint;
import io.safetyhub.simulator.mqtt.MqttLink;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The load's MQTT connections, each with its window: a semaphore of as many permits as messages may await a PUBACK
 * on it (the requested total spread over the connections, never more than the endpoint's Receive Maximum, so Paho
 * never refuses a publish for a full in-flight window). Devices are pinned to a connection, so each device's messages
 * stay in order. Shared connections log in with the endpoint's shared account (or none); per-device credentials give
 * each device its own connection, logged in as itself.
 */
final class LoadLinks extends Links {
    private static final Logger LOG = LoggerFactory.getLogger(LoadLinks.class);
    /** Connections opened at once: enough to open a thousand in seconds, few enough not to flood the endpoint. */
    private static final int CONNECTING_THREADS = 16;

    private final List<MqttLink> links;

    private LoadLinks(List<MqttLink> links, int[] windowSizes, int devices) {
        super(windowSizes, devices);
        this.links = links;
    }

    static LoadLinks open(MqttEndpoint endpoint, int devices, int connections, int inFlight, Duration timeout)
            throws MqttException, InterruptedException {
        DeviceCredentials credentials = endpoint.credentials();
        int count = credentials.perDevice() ? devices : Math.max(1, Math.min(connections, devices));
        int wanted = Math.max(4, (int) Math.ceil((double) inFlight / count));
        // The offline buffer must hold a whole window: what is sent during an outage waits there, in order.
        MqttEndpoint own = new MqttEndpoint(endpoint.url(), credentials, endpoint.tlsCa(), Optional.empty(),
                endpoint.sessionExpiry(), Math.max(endpoint.offlineBuffer(), wanted));
        String run = Long.toString(ProcessHandle.current().pid());
        ExecutorService connecting = Executors.newFixedThreadPool(Math.min(CONNECTING_THREADS, count));
        List<Future<MqttLink>> pending = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            String clientId = credentials.perDevice() ? "load-" + LoadGenerator.deviceId(c) + "-" + run
                    : "sim-load-" + run + "-" + c;
            Optional<DeviceCredentials.Login> login = credentials.forDevice(LoadGenerator.deviceId(c));
            pending.add(connecting.submit(() -> MqttLink.connect(own, clientId, login, null, null, link -> { },
                    timeout)));
        }
        connecting.shutdown();
        List<MqttLink> links = new ArrayList<>();
        MqttException failure = null;
        for (Future<MqttLink> f : pending) {
            try {
                links.add(f.get());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof MqttException m ? m : new MqttException(e.getCause());
                }
            }
        }
        if (failure != null) {
            links.forEach(MqttLink::close);
            throw failure;
        }
        int[] sizes = new int[count];
        for (int c = 0; c < count; c++) {
            sizes[c] = Math.min(wanted, links.get(c).serverReceiveMaximum());
        }
        LoadLinks opened = new LoadLinks(links, sizes, devices);
        LOG.info("load: {} connection(s) to {} ({}), {} messages in flight at most", count, endpoint.url(),
                credentials.describe(), opened.totalWindow());
        return opened;
    }

    @Override
    boolean offer(int device, String topic, byte[] payload, MqttLink.Outcome outcome) {
        return links.get(connectionOf(device)).offer(topic, payload, false, outcome);
    }

    @Override
    public void close() {
        links.forEach(MqttLink::close);
    }
}
