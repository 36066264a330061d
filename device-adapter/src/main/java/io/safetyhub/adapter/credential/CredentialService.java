package io.safetyhub.adapter.credential;

import io.safetyhub.adapter.config.AdapterConfig;
import io.safetyhub.adapter.credential.CredentialViews.CertificateView;
import io.safetyhub.adapter.credential.CredentialViews.CredentialsView;
import io.safetyhub.adapter.credential.CredentialViews.IssuedPassword;
import io.safetyhub.adapter.credential.CredentialViews.PasswordView;
import io.safetyhub.adapter.device.Device;
import io.safetyhub.adapter.device.DeviceRegistry;
import io.safetyhub.adapter.device.Protocol;
import io.safetyhub.adapter.device.RegistryChange;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The credential lifecycle of MQTT devices, for operators: issue (or rotate) a password, shown once; pin (or replace) a
 * client certificate; revoke either. Every change takes effect at the next CONNECT on any replica (the credentials are
 * read from the registry then) and closes the device's live connection: at once on this replica, within
 * {@code adapter.mqtt.auth.recheck} on the others. Logs name the device and the change, never a secret.
 */
@ApplicationScoped
public class CredentialService {
    private static final Logger LOG = Logger.getLogger(CredentialService.class);

    private final DeviceRegistry registry;
    private final CredentialRepository repository;
    private final PasswordHasher hasher;
    private final DeviceCa ca;
    private final Event<CredentialsChanged> changed;
    private final Duration defaultValidity;
    private final Clock clock;

    public CredentialService(DeviceRegistry registry, CredentialRepository repository, PasswordHasher hasher,
                             DeviceCa ca, Event<CredentialsChanged> changed, AdapterConfig config, Clock clock) {
        this.registry = registry;
        this.repository = repository;
        this.hasher = hasher;
        this.ca = ca;
        this.changed = changed;
        this.defaultValidity = config.credentials().passwordValidity();
        this.clock = clock;
    }

    public CredentialsView view(Caller caller, String deviceId) {
        Device device = mqttDevice(caller, deviceId);
        return view(device, repository.find(device.id()).orElse(null));
    }

    /** A new random password, replacing any earlier one; the answer is the only place the secret ever appears. */
    public IssuedPassword issuePassword(Caller caller, String deviceId, Integer validDays) {
        Device device = mqttDevice(caller, deviceId);
        String secret = hasher.newSecret();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(validDays != null ? Duration.ofDays(validDays) : defaultValidity);
        boolean rotated = repository.find(device.id()).map(c -> c.password() != null).orElse(false);
        repository.setPassword(device.id(), new DeviceCredentials.Password(hasher.hash(secret), now, expiresAt));
        LOG.infof("password of device %s %s by %s, valid until %s", device.id(), rotated ? "rotated" : "issued",
                caller.subject(), expiresAt);
        changed.fire(new CredentialsChanged(device.id()));
        return new IssuedPassword(device.id(), device.mqttDeviceId(), secret, expiresAt);
    }

    public void revokePassword(Caller caller, String deviceId) {
        Device device = mqttDevice(caller, deviceId);
        repository.removePassword(device.id());
        LOG.infof("password of device %s revoked by %s", device.id(), caller.subject());
        changed.fire(new CredentialsChanged(device.id()));
    }

    /** Pins the device's client certificate: issued by the device CA, subject CN = the device's MQTT id, not expired. */
    public CredentialsView pinCertificate(Caller caller, String deviceId, String pem) {
        Device device = mqttDevice(caller, deviceId);
        if (ca.certificates().isEmpty()) {
            throw DomainException.conflict("CLIENT_CA_NOT_CONFIGURED",
                    "no device CA is configured (adapter.mqtt.tls.client-ca): certificates cannot be verified");
        }
        X509Certificate certificate;
        try {
            certificate = ClientCertificates.parse(pem);
        } catch (IllegalArgumentException e) {
            throw DomainException.field("certificate", e.getMessage());
        }
        String cn = ClientCertificates.commonName(certificate).orElse(null);
        if (!device.mqttDeviceId().equals(cn)) {
            throw DomainException.field("certificate", "subject CN must be the device's MQTT id " + device.mqttDeviceId()
                    + ", is " + cn);
        }
        if (!ClientCertificates.issuedBy(certificate, ca.certificates())) {
            throw DomainException.field("certificate", "is not issued by the device CA, or is not valid now");
        }
        Instant now = clock.instant();
        DeviceCredentials after = repository.setCertificate(device.id(), new DeviceCredentials.Certificate(
                ClientCertificates.sha256(certificate), certificate.getSubjectX500Principal().getName(),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), now));
        LOG.infof("client certificate %s pinned to device %s by %s", after.certificate().sha256(), device.id(),
                caller.subject());
        changed.fire(new CredentialsChanged(device.id()));
        return view(device, after);
    }

    public void revokeCertificate(Caller caller, String deviceId) {
        Device device = mqttDevice(caller, deviceId);
        repository.removeCertificate(device.id());
        LOG.infof("client certificate of device %s revoked by %s", device.id(), caller.subject());
        changed.fire(new CredentialsChanged(device.id()));
    }

    /** Demo seed: gives the device this password unless it has one already. False when it had one. */
    public boolean seedPassword(Device device, String password) {
        if (repository.find(device.id()).map(c -> c.password() != null).orElse(false)) {
            return false;
        }
        Instant now = clock.instant();
        repository.setPassword(device.id(), new DeviceCredentials.Password(hasher.hash(password), now,
                now.plus(defaultValidity)));
        return true;
    }

    /** A removed device's credentials go with it (every replica sees the removal; deleting twice is harmless). */
    void registryChanged(@Observes RegistryChange change) {
        if (change.after() == null && change.before() != null) {
            repository.delete(change.before().id());
        }
    }

    private Device mqttDevice(Caller caller, String deviceId) {
        if (!caller.operator()) {
            throw DomainException.forbidden("only operators administer device credentials");
        }
        Device device = registry.byId(deviceId).orElseThrow(() -> DomainException.notFound("device", deviceId));
        if (device.protocol() != Protocol.MQTT) {
            throw DomainException.conflict("NOT_AN_MQTT_DEVICE", "device " + deviceId
                    + " is read over OPC UA; its server's credentials are adapter configuration");
        }
        return device;
    }

    private CredentialsView view(Device device, DeviceCredentials credentials) {
        Instant now = clock.instant();
        DeviceCredentials.Password p = credentials == null ? null : credentials.password();
        DeviceCredentials.Certificate c = credentials == null ? null : credentials.certificate();
        return new CredentialsView(device.id(), device.mqttDeviceId(),
                p == null ? null : new PasswordView(p.createdAt(), p.expiresAt(), p.expiredAt(now)),
                c == null ? null : new CertificateView(c.subject(), c.sha256(), c.notBefore(), c.notAfter(),
                        c.createdAt(), c.expiredAt(now)));
    }
}
