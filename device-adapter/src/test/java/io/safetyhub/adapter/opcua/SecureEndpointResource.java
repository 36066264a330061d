package io.safetyhub.adapter.opcua;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Declares two secure OPC UA endpoints in the adapter's configuration before it starts (their ports are chosen here,
 * the servers are started by {@link OpcUaSecurityTest}): one with the right password, one with a wrong one. Applied
 * to every test class (not restricted), so all of them still share one application.
 */
public class SecureEndpointResource implements QuarkusTestResourceLifecycleManager {
    static final String USER = "plant";
    static final String PASSWORD = "s3cret-Tank";
    static final String SECURE_PORT = "safetyhub.test.opcua.secure-port";
    static final String WRONG_PASSWORD_PORT = "safetyhub.test.opcua.wrong-password-port";

    @Override
    public Map<String, String> start() {
        int secure = freePort();
        int wrong = freePort();
        System.setProperty(SECURE_PORT, Integer.toString(secure));
        System.setProperty(WRONG_PASSWORD_PORT, Integer.toString(wrong));
        return Map.of(
                "adapter.opc-ua.endpoints.secure-farm.url", url(secure),
                "adapter.opc-ua.endpoints.secure-farm.security-policy", "Basic256Sha256",
                "adapter.opc-ua.endpoints.secure-farm.security-mode", "SignAndEncrypt",
                "adapter.opc-ua.endpoints.secure-farm.username", USER,
                "adapter.opc-ua.endpoints.secure-farm.password", PASSWORD,
                "adapter.opc-ua.endpoints.wrong-password.url", url(wrong),
                "adapter.opc-ua.endpoints.wrong-password.security-policy", "Basic256Sha256",
                "adapter.opc-ua.endpoints.wrong-password.username", USER,
                "adapter.opc-ua.endpoints.wrong-password.password", "not-the-password");
    }

    @Override
    public void stop() {
        System.clearProperty(SECURE_PORT);
        System.clearProperty(WRONG_PASSWORD_PORT);
    }

    static String url(int port) {
        return "opc.tcp://127.0.0.1:" + port + "/safetyhub";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
