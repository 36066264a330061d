package io.safetyhub.simulator.opcua;

import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A plant's OPC UA server as a DCS would offer it: tanks T101 and T102 ({@code level} m, {@code temperature} °C,
 * {@code pressure} kPa) and gas detectors GD101, GD102 ({@code gas_lel} %LEL), at
 * {@code opc.tcp://127.0.0.1:<port>/safetyhub}: security None with anonymous access, and Basic256Sha256 SignAndEncrypt
 * with a user name and password ({@link ServerSecurity}). The demo registry binds devices TK-T101,
 * TK-T102, GD-T101, GD-T102 to these nodes.
 */
public final class TankFarmServer implements AutoCloseable {
    public static final String PATH = "/safetyhub";
    static final Map<String, List<String>> LAYOUT = layout();

    private final OpcUaServer server;
    private final TankFarmNamespace namespace;
    private final int port;
    private final Random random = new Random();
    private final Map<String, Double> values = new LinkedHashMap<>();

    private TankFarmServer(int port, ServerSecurity security) throws Exception {
        this.port = port;
        ServerSecurity.Credentials own = security.credentials();
        EndpointConfig.Builder base = EndpointConfig.newBuilder()
                .setBindAddress("0.0.0.0")
                .setBindPort(port)
                .setHostname("127.0.0.1")
                .setPath(PATH)
                .setCertificate(own.certificate());
        EndpointConfig open = base.copy()
                .setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
                .build();
        EndpointConfig secure = base.copy()
                .setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
                .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME)
                .build();
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationName(LocalizedText.english("SafetyHub simulated tank farm"))
                .setApplicationUri(ServerSecurity.APPLICATION_URI)
                .setProductUri(ServerSecurity.APPLICATION_URI)
                .setBuildInfo(new BuildInfo(ServerSecurity.APPLICATION_URI, "safetyhub", "tank farm simulator",
                        OpcUaServer.SDK_VERSION, "", DateTime.now()))
                .setEndpoints(Set.of(open, secure))
                .setCertificateManager(certificateManager(own))
                .setIdentityValidator(new CompositeValidator(AnonymousIdentityValidator.INSTANCE,
                        new UsernameIdentityValidator(c -> security.accepts(c.getUsername(), c.getPassword()))))
                .build();
        OpcTcpServerTransportConfig transport = OpcTcpServerTransportConfig.newBuilder().build();
        this.server = new OpcUaServer(config, profile -> new OpcTcpServerTransport(transport));
        this.namespace = new TankFarmNamespace(server, LAYOUT);
    }

    /**
     * The server's own certificate, and a client-certificate check that accepts any client: a simulator stands in
     * for a plant whose operator has already trusted the adapter's certificate.
     */
    private static DefaultCertificateManager certificateManager(ServerSecurity.Credentials own) throws Exception {
        RsaSha256CertificateFactory factory = new RsaSha256CertificateFactory() {
            @Override
            protected KeyPair createRsaSha256KeyPair() {
                return own.keyPair();
            }

            @Override
            protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) {
                return new X509Certificate[]{own.certificate()};
            }
        };
        CertificateValidator anyClient = (chain, applicationUri, hostNames) -> { };
        MemoryCertificateQuarantine quarantine = new MemoryCertificateQuarantine();
        DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(new MemoryTrustListManager(),
                new MemoryCertificateStore(), factory, anyClient);
        return new DefaultCertificateManager(quarantine, group);
    }

    /** Starts the server on {@code port} with ordinary values; returns once it listens. */
    public static TankFarmServer start(int port) throws Exception {
        return start(port, ServerSecurity.defaults());
    }

    /**
     * Starts the server on {@code port} with two endpoints: security None with anonymous access, and Basic256Sha256
     * SignAndEncrypt with the user names and passwords of {@code security}.
     */
    public static TankFarmServer start(int port, ServerSecurity security) throws Exception {
        TankFarmServer farm = new TankFarmServer(port, security);
        farm.namespace.startup();
        farm.server.startup().get(30, TimeUnit.SECONDS);
        LAYOUT.forEach((object, metrics) -> metrics.forEach(m -> farm.values.put(object + "/" + m, normal(m))));
        farm.tick();
        return farm;
    }

    public String endpointUrl() {
        return "opc.tcp://127.0.0.1:" + port + PATH;
    }

    /** Moves every value a little (bounded random walk around its ordinary level) and publishes it. */
    public synchronized void tick() {
        values.replaceAll((path, value) -> {
            String metric = path.substring(path.indexOf('/') + 1);
            double base = normal(metric);
            double next = value + random.nextGaussian() * base * 0.005;
            return Math.round(Math.max(0, Math.min(base * 1.1, Math.max(base * 0.9, next))) * 1000) / 1000.0;
        });
        values.forEach((path, value) -> set(path, value));
    }

    /** Sets one value now, GOOD, e.g. {@code set("GD101/gas_lel", 25)}. */
    public synchronized void set(String path, double value) {
        values.put(path, value);
        String[] parts = path.split("/", 2);
        namespace.set(parts[0], parts[1], value, StatusCode.GOOD);
    }

    @Override
    public void close() {
        try {
            namespace.shutdown();
            server.shutdown().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double normal(String metric) {
        return switch (metric) {
            case "level" -> 6.5;
            case "temperature" -> 22.0;
            case "pressure" -> 105.0;
            default -> 1.0;
        };
    }

    private static Map<String, List<String>> layout() {
        Map<String, List<String>> layout = new LinkedHashMap<>();
        layout.put("T101", List.of("level", "temperature", "pressure"));
        layout.put("T102", List.of("level", "temperature", "pressure"));
        layout.put("GD101", List.of("gas_lel"));
        layout.put("GD102", List.of("gas_lel"));
        return layout;
    }
}
