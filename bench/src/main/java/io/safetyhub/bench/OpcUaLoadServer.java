package io.safetyhub.bench;

import io.safetyhub.simulator.opcua.SampledNamespace;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server side of the OPC UA bench, run as its own process ({@code bench.jar opcua-server PORT --nodes N
 * --change-ms MS}) so that its CPU is measured apart from the client's: N Double variables {@code ns=2;s=Load/<i>},
 * every one given a new value every {@code change-ms}. Prints {@code ready} once it listens.
 */
public final class OpcUaLoadServer {
    static final String PATH = "/bench";

    private OpcUaLoadServer() {
    }

    public static int serve(int port, Options o) throws Exception {
        int nodes = o.integer("nodes", 1000);
        int changeMs = o.integer("change-ms", 100);
        o.rejectUnknown();
        EndpointConfig endpoint = EndpointConfig.newBuilder().setBindAddress("127.0.0.1").setBindPort(port)
                .setHostname("127.0.0.1").setPath(PATH).setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None).addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
                .build();
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationName(LocalizedText.english("SafetyHub OPC UA bench server"))
                .setApplicationUri("urn:safetyhub:bench").setProductUri("urn:safetyhub:bench")
                .setBuildInfo(new BuildInfo("urn:safetyhub:bench", "safetyhub", "bench", OpcUaServer.SDK_VERSION, "",
                        DateTime.now()))
                .setEndpoints(Set.of(endpoint)).setIdentityValidator(AnonymousIdentityValidator.INSTANCE).build();
        OpcUaServer server = new OpcUaServer(config,
                profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        LoadNamespace namespace = new LoadNamespace(server, nodes);
        namespace.startup();
        server.startup().get(30, TimeUnit.SECONDS);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long[] tick = {0};
        ticker.scheduleAtFixedRate(() -> namespace.changeAll(++tick[0]), changeMs, changeMs, TimeUnit.MILLISECONDS);
        System.out.println("ready opc.tcp://127.0.0.1:" + port + PATH + " nodes " + nodes);
        System.out.flush();
        // Runs until the bench destroys the process.
        new CountDownLatch(1).await();
        return 0;
    }

    /** {@code Load/0 … Load/N-1}, plain Double variables sampled by Milo's SubscriptionModel. */
    static final class LoadNamespace extends SampledNamespace {
        private final List<UaVariableNode> variables = new ArrayList<>();

        LoadNamespace(OpcUaServer server, int nodes) {
            super(server, "urn:safetyhub:bench:load");
            getLifecycleManager().addStartupTask(() -> {
                for (int i = 0; i < nodes; i++) {
                    variables.add(addDoubleVariable("Load/" + i, "v" + i, 10.0));
                }
            });
        }

        void changeAll(long tick) {
            DateTime now = DateTime.now();
            for (int i = 0; i < variables.size(); i++) {
                variables.get(i).setValue(new DataValue(new Variant((double) (tick * 7 + i)), StatusCode.GOOD, now, now));
            }
        }
    }
}
