package io.safetyhub.adapter.opcua;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.adapter.config.AdapterConfig;
import io.safetyhub.adapter.device.Device;
import io.safetyhub.adapter.device.DeviceRegistry;
import io.safetyhub.adapter.device.EndpointShard;
import io.safetyhub.adapter.device.Protocol;
import io.safetyhub.adapter.device.RegistryChange;
import io.safetyhub.adapter.messaging.EventPublisher;
import io.safetyhub.adapter.protocol.ProtocolAdapter;
import io.safetyhub.adapter.status.SilenceWatch;
import io.safetyhub.adapter.telemetry.DeadLetterReason;
import io.safetyhub.adapter.telemetry.TelemetryMetrics;
import io.safetyhub.events.DeadLetter;
import io.safetyhub.events.DeviceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OPC UA side: one {@link EndpointSession} per endpoint URL that registered devices are bound to, created when
 * the first device of an endpoint appears and closed when the last goes. Every registry change re-binds the affected
 * endpoint, so monitored items follow the registry without a restart.
 */
@ApplicationScoped
public class OpcUaAdapter implements ProtocolAdapter, EndpointSession.Events {
    private static final Logger LOG = Logger.getLogger(OpcUaAdapter.class);

    private final DeviceRegistry registry;
    private final EventPublisher publisher;
    private final TelemetryMetrics metrics;
    private final SilenceWatch silence;
    private final MeterRegistry meters;
    private final AdapterConfig config;
    private final Clock clock;
    private final EndpointShard shard;
    private final Counter dataLost;
    private final Map<String, EndpointSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, List<Gauge>> gauges = new ConcurrentHashMap<>();
    private ClientPki pki;
    private volatile boolean started;

    public OpcUaAdapter(DeviceRegistry registry, EventPublisher publisher, TelemetryMetrics metrics,
                        SilenceWatch silence, MeterRegistry meters, AdapterConfig config, Clock clock) {
        this.registry = registry;
        this.publisher = publisher;
        this.metrics = metrics;
        this.silence = silence;
        this.meters = meters;
        this.config = config;
        this.clock = clock;
        this.shard = new EndpointShard(config.opcUa().shardCount(), config.opcUa().shardIndex());
        this.dataLost = Counter.builder("safetyhub.adapter.opcua.data.lost")
                .description("Times an OPC UA server reported lost notifications").register(meters);
    }

    @Override
    public String name() {
        return "opc-ua";
    }

    /** Opens a session per endpoint of this replica's shard; from now on registry changes re-bind them. */
    @Override
    public void start() {
        if (!config.opcUa().enabled()) {
            LOG.info("OPC UA is off on this replica (adapter.opc-ua.enabled=false)");
            return;
        }
        started = true;
        rebind();
    }

    @Override
    public synchronized void stop() {
        started = false;
        if (!sessions.isEmpty()) { // EndpointSession implements Milo's listeners: not even loaded where none opened
            sessions.values().forEach(EndpointSession::close);
            sessions.clear();
        }
        gauges.values().forEach(list -> list.forEach(meters::remove));
        gauges.clear();
        if (pki != null) {
            pki.close();
            pki = null;
        }
    }

    /**
     * Always up, with the state of each session as data: a plant's server being away is the plant's outage, reported
     * per device (SESSION_LOST) and by the session gauge; restarting the adapter would not bring it back.
     */
    @Override
    public HealthCheckResponse health() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(name()).up();
        sessionStates().forEach((url, state) -> builder.withData(url, state.name()));
        return builder.build();
    }

    void registryChanged(@Observes RegistryChange change) {
        boolean opcUa = (change.before() != null && change.before().protocol() == Protocol.OPC_UA)
                || (change.after() != null && change.after().protocol() == Protocol.OPC_UA);
        if (opcUa) {
            rebind();
        }
    }

    /** Endpoint URL -> the state of its session; for readiness data. */
    public Map<String, SessionState> sessionStates() {
        Map<String, SessionState> states = new HashMap<>();
        sessions.forEach((url, session) -> states.put(url, session.state()));
        return states;
    }

    /** Groups the registry's OPC UA bindings by endpoint and hands each session its own. */
    synchronized void rebind() {
        if (!started) {
            return;
        }
        Map<String, Map<String, Binding>> byEndpoint = new HashMap<>();
        for (Device device : registry.all()) {
            if (device.protocol() != Protocol.OPC_UA || !device.enabled() || device.opcUaEndpoint() == null
                    || !shard.owns(device.opcUaEndpoint())) {
                continue; // another replica's endpoint (adapter.opc-ua.shard-*)
            }
            device.opcUaNodeIds().forEach((metric, node) -> NodeId.parseSafe(node).ifPresentOrElse(
                    nodeId -> {
                        Binding binding = new Binding(device, metric, nodeId, device.metricUnits().get(metric));
                        byEndpoint.computeIfAbsent(device.opcUaEndpoint(), url -> new HashMap<>()).put(binding.key(), binding);
                    },
                    () -> LOG.warnf("device %s: node id '%s' of %s is not a parseable NodeId", device.id(), node, metric)));
        }
        byEndpoint.forEach((url, bindings) -> sessions.computeIfAbsent(url, this::open).bind(bindings));
        for (String url : List.copyOf(sessions.keySet())) {
            if (!byEndpoint.containsKey(url)) {
                sessions.remove(url).close();
                gauges.getOrDefault(url, List.of()).forEach(meters::remove);
                gauges.remove(url);
                LOG.infof("OPC UA endpoint %s has no bound device any more; session closed", url);
            }
        }
    }

    private EndpointSession open(String url) {
        EndpointSession session = new EndpointSession(url, config.opcUa(),
                ClientSecurity.of(url, config.opcUa(), this::pki), this);
        // Tagged by endpoint: a configured, bounded set (the plants' servers), never a device id.
        List<Gauge> registered = new ArrayList<>();
        registered.add(Gauge.builder("safetyhub.adapter.opcua.session.connected", session, s -> s.connected() ? 1 : 0)
                .description("1 while the OPC UA session to the endpoint is active").tag("endpoint", url)
                .register(meters));
        for (SessionState state : SessionState.values()) {
            registered.add(Gauge.builder("safetyhub.adapter.opcua.session.state", session, s -> s.state() == state ? 1 : 0)
                    .description("1 for the state the OPC UA session to the endpoint is in").tag("endpoint", url)
                    .tag("state", state.name()).register(meters));
        }
        gauges.put(url, registered);
        session.start();
        return session;
    }

    /** The adapter's certificate and trust list, created on first need (a first secure endpoint) and kept. */
    private synchronized ClientPki pki() {
        if (pki == null) {
            try {
                pki = ClientPki.open(config.opcUa());
            } catch (Exception e) {
                throw new IllegalStateException("cannot open the OPC UA PKI directory " + config.opcUa().pkiDir()
                        + ": " + e.getMessage(), e);
            }
        }
        return pki;
    }

    @Override
    public void value(Binding binding, DataValue value) {
        Instant now = clock.instant();
        OpcUaValues.Outcome outcome = OpcUaValues.toReading(binding, value, now, config.source());
        if (outcome.reading() != null) {
            silence.seen(binding.device(), now);
            publisher.publish(outcome.reading()).thenRun(() -> metrics.readingPublished(binding.device().kind()));
        } else {
            DeadLetter letter = new DeadLetter(UUID.randomUUID(), now, config.source(),
                    binding.device().opcUaEndpoint() + " " + binding.nodeId().toParseableString(), binding.device().id(),
                    DeadLetterReason.BAD_VALUE.name(), outcome.refusal(), String.valueOf(value));
            publisher.publish(letter).thenRun(() -> metrics.deadLetterPublished(DeadLetterReason.BAD_VALUE));
        }
    }

    @Override
    public void sessionLost(List<Binding> bindings) {
        Instant now = clock.instant();
        bindings.stream().map(Binding::device).distinct().forEach(device -> {
            silence.statusReported(device.id(), false);
            publisher.publish(new DeviceStatus(UUID.randomUUID(), now, config.source(), device.id(),
                    device.enterpriseId(), device.kind().topicName(), false, DeviceStatus.Cause.SESSION_LOST, null));
        });
    }

    @Override
    public void dataLost(String endpoint) {
        dataLost.increment();
    }
}
