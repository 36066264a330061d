package io.safetyhub.adapter.testing;

import io.safetyhub.adapter.credential.CredentialService;
import io.safetyhub.adapter.device.Device;
import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.adapter.device.DeviceService;
import io.safetyhub.adapter.mqtt.MqttListeners;
import io.safetyhub.platform.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Test devices registered and given a password the way an operator does it (the application's own services), and the
 * URLs of the adapter's listeners.
 */
@ApplicationScoped
public class MqttDevices {
    public static final Caller OPERATOR = new Caller("test-operator", false, false, true, null, null, null, null);

    private final DeviceService devices;
    private final CredentialService credentials;
    private final MqttListeners listeners;

    public MqttDevices(DeviceService devices, CredentialService credentials, MqttListeners listeners) {
        this.devices = devices;
        this.credentials = credentials;
        this.listeners = listeners;
    }

    /** A device registered now, with a password. */
    public record Registered(Device device, String password) {
        public String id() {
            return device.id();
        }
    }

    public Registered register(String prefix, String enterpriseId, DeviceKind kind) {
        return register(Registration.mqtt(TestDevice.uniqueId(prefix), enterpriseId, kind));
    }

    public Registered register(Device device) {
        devices.registerIfAbsent(device);
        return new Registered(device, credentials.issuePassword(OPERATOR, device.id(), null).password());
    }

    public String rotate(String deviceId) {
        return credentials.issuePassword(OPERATOR, deviceId, null).password();
    }

    public String plainUrl() {
        return "tcp://127.0.0.1:" + listeners.plainPort();
    }

    public String tlsUrl() {
        return "ssl://127.0.0.1:" + listeners.tlsPort();
    }

    /** Connects a registered device over the plain listener. */
    public TestDevice connect(Registered registered) throws org.eclipse.paho.mqttv5.common.MqttException {
        Device d = registered.device();
        return new TestDevice(plainUrl(), d.enterpriseId(), d.kind().topicName(), d.id(), registered.password());
    }
}
