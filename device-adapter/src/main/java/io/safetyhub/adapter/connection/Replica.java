package io.safetyhub.adapter.connection;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This adapter process among its replicas: the host name (the pod name on Kubernetes) and a random suffix, new at
 * every start, so that a restarted replica never takes the connections recorded by its previous life for its own.
 */
@ApplicationScoped
public class Replica {
    private final String id;

    public Replica() {
        this.id = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String id() {
        return id;
    }

    private static String hostName() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "adapter";
        }
    }
}
