package io.safetyhub.adapter.mqtt;

import io.safetyhub.adapter.config.MqttConfig;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttAuth;
import io.vertx.mqtt.MqttEndpoint;
import org.jboss.logging.Logger;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Answers each CONNECT: throttles password checks per source address ({@link GuessingThrottle}), authenticates on a
 * worker thread ({@link DeviceAuthenticator}: a credential read and a slow hash must never hold the event loop that
 * other devices' packets run on), then accepts the device into a {@link DeviceSession} or refuses it with the CONNACK
 * code of its {@link ConnectRefusal}. A refusal is counted every time and logged once per device (or address) and
 * reason per {@code adapter.mqtt.auth.log-window}, with the device id and the address, never the secret.
 */
final class Admission {
    private static final Logger LOG = Logger.getLogger(Admission.class);

    private final DeviceAuthenticator authenticator;
    private final GuessingThrottle throttle;
    private final RefusalLog refusals;
    private final SessionServices services;

    Admission(DeviceAuthenticator authenticator, MqttConfig.Auth auth, SessionServices services) {
        this.authenticator = authenticator;
        this.throttle = new GuessingThrottle(auth.burst(), auth.refill().toNanos(), auth.maxWaiting(),
                auth.maxAddresses(), System::nanoTime);
        this.refusals = new RefusalLog(auth.logWindow().toNanos(), auth.maxAddresses(), System::nanoTime);
        this.services = services;
    }

    void admit(MqttEndpoint endpoint) {
        String address = endpoint.remoteAddress() == null ? "?" : endpoint.remoteAddress().hostAddress();
        X509Certificate certificate = peerCertificate(endpoint);
        MqttAuth auth = endpoint.auth();
        String willTopic = endpoint.will() != null && endpoint.will().isWillFlag() ? endpoint.will().getWillTopic() : null;
        DeviceAuthenticator.Attempt attempt = new DeviceAuthenticator.Attempt(auth == null ? null : auth.getUsername(),
                auth == null ? null : auth.getPassword(), certificate, willTopic);
        boolean hashes = certificate == null && attempt.username() != null;
        Context context = Vertx.currentContext();
        AtomicBoolean gone = new AtomicBoolean();
        endpoint.closeHandler(ignored -> gone.set(true));
        if (!hashes) {
            check(endpoint, attempt, address, context, gone, false);
            return;
        }
        throttle.acquire(address, new GuessingThrottle.Check() {
            @Override
            public void start() {
                context.runOnContext(ignored -> check(endpoint, attempt, address, context, gone, true));
            }

            @Override
            public void refuse() {
                context.runOnContext(ignored -> Admission.this.refuse(endpoint, ConnectRefusal.THROTTLED, address,
                        address));
            }
        });
    }

    /** Authenticates on a worker; {@code throttled}: the check holds a token of its address, given back or spent. */
    private void check(MqttEndpoint endpoint, DeviceAuthenticator.Attempt attempt, String address, Context context,
                       AtomicBoolean gone, boolean throttled) {
        if (gone.get()) {
            if (throttled) {
                throttle.release(address, false); // it gave up waiting: no hash, nothing guessed
            }
            return;
        }
        services.workers().executeBlocking(() -> authenticator.authenticate(attempt), false).onComplete(result -> {
            DeviceAuthenticator.Outcome outcome;
            if (result.succeeded()) {
                outcome = result.result();
            } else {
                if (refusals.shouldLog("credential-store", "unavailable")) {
                    LOG.errorf("device credentials cannot be read (%s); devices are refused until they can",
                            result.cause().getMessage());
                }
                outcome = new DeviceAuthenticator.Refused(ConnectRefusal.UNAVAILABLE, String.valueOf(attempt.username()));
            }
            if (throttled) {
                throttle.release(address, outcome instanceof DeviceAuthenticator.Refused refused
                        && refused.reason() != ConnectRefusal.UNAVAILABLE);
            }
            if (gone.get()) {
                return; // the device gave up waiting
            }
            if (outcome instanceof DeviceAuthenticator.Accepted accepted) {
                new DeviceSession(endpoint, accepted, services, context).open();
            } else if (outcome instanceof DeviceAuthenticator.Refused refused) {
                refuse(endpoint, refused.reason(), refused.subject(), address);
            }
        });
    }

    private void refuse(MqttEndpoint endpoint, ConnectRefusal reason, String subject, String address) {
        services.metrics().refused(reason);
        if (refusals.shouldLog(subject, reason.tag())) {
            LOG.warnf("MQTT login of %s from %s refused: %s (logged once per %s)", subject, address, reason.tag(),
                    "device and reason within adapter.mqtt.auth.log-window");
        }
        endpoint.reject(reason.code(endpoint.protocolVersion()));
    }

    /** The client certificate the TLS listener verified against the device CA, or null (plain, or none sent). */
    private static X509Certificate peerCertificate(MqttEndpoint endpoint) {
        if (!endpoint.isSsl() || endpoint.sslSession() == null) {
            return null;
        }
        try {
            Certificate[] chain = endpoint.sslSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? x509 : null;
        } catch (SSLPeerUnverifiedException none) {
            return null;
        }
    }
}
