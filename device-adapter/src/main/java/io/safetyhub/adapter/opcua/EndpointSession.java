package io.safetyhub.adapter.opcua;

import io.safetyhub.adapter.config.AdapterConfig;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemSynchronizationException;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * One OPC UA session to one endpoint, with one subscription holding a monitored item per bound node. Everything that
 * changes the session's state runs on its own single thread, so connect, rebuild and reconcile never interleave.
 * The first connection is retried here with capped exponential back-off; afterwards Milo reconnects the session by
 * itself, and when the server lost our subscription (restarted: the transfer fails) or it stops answering (watchdog),
 * the subscription is rebuilt and the items reconciled from the registry again.
 */
final class EndpointSession {
    private static final Logger LOG = Logger.getLogger(EndpointSession.class);

    /** What the session reports to its owner. */
    interface Events {
        void value(Binding binding, DataValue value);

        void sessionLost(List<Binding> bindings);

        void dataLost(String endpoint);
    }

    private final String url;
    private final AdapterConfig.OpcUa config;
    private final ClientSecurity security;
    private final Events events;
    private final ScheduledExecutorService executor;
    private final Map<String, OpcUaMonitoredItem> items = new HashMap<>();
    private volatile Map<String, Binding> desired = Map.of();
    private volatile boolean connected;
    private volatile SessionState state = SessionState.CONNECTING;
    private volatile boolean closed;
    private OpcUaClient client;
    private OpcUaSubscription subscription;
    private long backoffMs;
    private SessionState warnedFor;

    EndpointSession(String url, AdapterConfig.OpcUa config, ClientSecurity security, Events events) {
        this.url = url;
        this.config = config;
        this.security = security;
        this.events = events;
        this.backoffMs = config.reconnectMinDelay().toMillis();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "opcua-" + url);
            thread.setDaemon(true);
            return thread;
        });
    }

    String url() {
        return url;
    }

    boolean connected() {
        return connected;
    }

    SessionState state() {
        return state;
    }

    void start() {
        executor.execute(this::connect);
    }

    /** The nodes this endpoint should now monitor; applied at once when connected, else on the next connect. */
    void bind(Map<String, Binding> bindings) {
        desired = Map.copyOf(bindings);
        executor.execute(this::reconcile);
    }

    void close() {
        closed = true;
        executor.execute(() -> {
            if (client != null) {
                try {
                    client.disconnect();
                } catch (Exception e) {
                    LOG.debugf("disconnect from %s: %s", url, e.getMessage());
                }
            }
            connected = false;
        });
        executor.shutdown();
    }

    private void connect() {
        if (closed) {
            return;
        }
        SecurityPolicy policy = security.policy();
        MessageSecurityMode mode = security.mode();
        AtomicReference<Boolean> matched = new AtomicReference<>();
        try {
            ClientPki own = security.pki();
            OpcUaClient created = OpcUaClient.create(url,
                    endpoints -> {
                        var chosen = endpoints.stream().filter(e -> policy.getUri().equals(e.getSecurityPolicyUri())
                                && e.getSecurityMode() == mode).findFirst();
                        matched.set(chosen.isPresent());
                        return chosen;
                    },
                    transport -> { },
                    builder -> security.configure(builder, own));
            created.addSessionActivityListener(new SessionActivityListener() {
                @Override
                public void onSessionActive(UaSession session) {
                    executor.execute(EndpointSession.this::sessionActive);
                }

                @Override
                public void onSessionInactive(UaSession session) {
                    executor.execute(EndpointSession.this::sessionInactive);
                }
            });
            try {
                created.connect();
            } catch (Exception e) {
                created.disconnectAsync(); // release the transport of a refused session before the next attempt
                throw e;
            }
            client = created;
            connected = true;
            state = SessionState.ACTIVE;
            warnedFor = null;
            backoffMs = config.reconnectMinDelay().toMillis();
            LOG.infof("OPC UA session to %s open (security %s/%s, %s)", url, policy, mode, security.identity());
            rebuild();
        } catch (Exception e) {
            // The selector ran and found nothing: the server is there but offers no endpoint with our security.
            SessionState failed = Boolean.FALSE.equals(matched.get()) ? SessionState.NO_MATCHING_ENDPOINT
                    : SessionState.ofFailure(e);
            state = failed;
            if (warnedFor != failed) {
                LOG.warn(SessionFailures.describe(url, failed, policy, mode, security.identity(), e, config));
                warnedFor = failed;
            }
            if (!closed) {
                executor.schedule(this::connect, backoffMs, TimeUnit.MILLISECONDS);
                backoffMs = Math.min(config.reconnectMaxDelay().toMillis(), backoffMs * 2);
            }
        }
    }

    private void sessionActive() {
        if (client == null || closed) {
            return;
        }
        if (!connected) {
            LOG.infof("OPC UA session to %s active again", url);
        }
        connected = true;
        state = SessionState.ACTIVE;
        // A transferred subscription still has its id; one the server forgot is rebuilt via onTransferFailed.
        if (subscription == null || subscription.getSubscriptionId().isEmpty()) {
            rebuild();
        } else {
            reconcile();
        }
    }

    private void sessionInactive() {
        if (connected) {
            LOG.warnf("OPC UA session to %s lost; Milo reconnects", url);
            connected = false;
            state = SessionState.RECONNECTING;
            events.sessionLost(List.copyOf(desired.values()));
        }
    }

    /** A new subscription with every desired item: after connect, a failed transfer, or a watchdog timeout. */
    private void rebuild() {
        if (client == null || closed) {
            return;
        }
        if (subscription != null) {
            try {
                subscription.delete();
            } catch (Exception e) {
                LOG.debugf("old subscription on %s not deleted (%s): the server has already dropped it", url, e.getMessage());
            }
        }
        items.clear();
        try {
            OpcUaSubscription created = new OpcUaSubscription(client, (double) config.publishingInterval().toMillis());
            created.setSubscriptionListener(new Listener());
            created.create();
            subscription = created;
            reconcile();
        } catch (Exception e) {
            subscription = null;
            LOG.warnf("subscription on %s not created (%s); retrying", url, e.getMessage());
            executor.schedule(this::rebuild, backoffMs, TimeUnit.MILLISECONDS);
            backoffMs = Math.min(config.reconnectMaxDelay().toMillis(), backoffMs * 2);
        }
    }

    /** Brings the monitored items in line with the bindings: removes the stale, adds the missing. */
    private void reconcile() {
        if (subscription == null || !connected || closed) {
            return;
        }
        Map<String, Binding> wanted = desired;
        for (String key : List.copyOf(items.keySet())) {
            Binding binding = wanted.get(key);
            OpcUaMonitoredItem item = items.get(key);
            if (binding == null || !binding.nodeId().equals(item.getReadValueId().getNodeId())) {
                subscription.removeMonitoredItem(item);
                items.remove(key);
            }
        }
        wanted.forEach((key, binding) -> {
            if (!items.containsKey(key)) {
                OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(binding.nodeId());
                BiConsumer<Binding, DataValue> sink = events::value;
                item.setDataValueListener((monitored, value) -> sink.accept(desired.getOrDefault(key, binding), value));
                subscription.addMonitoredItem(item);
                items.put(key, item);
            }
        });
        try {
            subscription.synchronizeMonitoredItems();
        } catch (MonitoredItemSynchronizationException e) {
            LOG.warnf("some monitored items on %s were refused: %s", url, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("monitored items on %s not synchronised (%s); next reconnect retries", url, e.getMessage());
        }
    }

    /** Subscription callbacks arrive on Milo's threads: hand work to the session thread. */
    private final class Listener implements OpcUaSubscription.SubscriptionListener {
        @Override
        public void onTransferFailed(OpcUaSubscription failed, StatusCode status) {
            LOG.warnf("subscription on %s not transferred to the new session (%s); rebuilding", url, status);
            executor.execute(EndpointSession.this::rebuild);
        }

        @Override
        public void onWatchdogTimerElapsed(OpcUaSubscription silent) {
            LOG.warnf("no publish response or keep-alive from %s in time; rebuilding the subscription", url);
            executor.execute(EndpointSession.this::rebuild);
        }

        @Override
        public void onNotificationDataLost(OpcUaSubscription lossy) {
            LOG.warnf("the server of %s reports lost notifications (sequence gap)", url);
            events.dataLost(url);
        }

        @Override
        public void onStatusChanged(OpcUaSubscription changed, StatusCode status) {
            LOG.infof("subscription on %s status %s", url, status);
            if (status.isBad()) {
                executor.execute(EndpointSession.this::rebuild);
            }
        }
    }
}
