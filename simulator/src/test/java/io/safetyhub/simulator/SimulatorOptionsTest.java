package io.safetyhub.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorOptionsTest {

    @Test
    void shouldRunNormalWhenStartedWithoutArguments() throws Exception {
        SimulatorOptions options = SimulatorOptions.parse(new String[0]);

        assertEquals("normal", options.scenario());
        assertTrue(options.once().isEmpty());
        assertTrue(options.duration().isEmpty());
    }

    @Test
    void shouldBuildTheOneMessageWhenScenarioIsOnce() throws Exception {
        SimulatorOptions options = SimulatorOptions.parse(new String[]{"--mqtt", "tcp://broker:1883",
                "--scenario", "once", "--device", "GA-0001", "--enterprise", "chem-banan-01", "--kind", "gas-alarm",
                "--metric", "gas_lel", "--value", "60", "--unit", "%LEL", "--timeout=3"});

        assertEquals("tcp://broker:1883", options.mqttUrl());
        assertEquals(Duration.ofSeconds(3), options.timeout());
        SimulatorOptions.OnceMessage once = options.once().orElseThrow();
        assertEquals("safetyhub/chem-banan-01/gas-alarm/GA-0001/telemetry", once.address().telemetryTopic());
        assertEquals(60.0, once.measurement().value());
        assertEquals("%LEL", once.measurement().unit());
    }

    @Test
    void shouldRefuseWhenOnceLacksAFlag() {
        SimulatorOptions.UsageException refused = assertThrows(SimulatorOptions.UsageException.class,
                () -> SimulatorOptions.parse(new String[]{"--scenario", "once", "--device", "GA-0001"}));

        assertTrue(refused.getMessage().contains("--enterprise"), refused.getMessage());
    }

    @Test
    void shouldTakeOpcUaUsersWhenGiven() throws Exception {
        SimulatorOptions options = SimulatorOptions.parse(new String[]{"--scenario", "tank-farm",
                "--opcua-users", "plant:a:b,ops:x", "--opcua-pki", "/tmp/farm-pki"});

        assertEquals(java.util.Map.of("plant", "a:b", "ops", "x"), options.opcUaSecurity().users());
        assertEquals(java.nio.file.Path.of("/tmp/farm-pki"), options.opcUaSecurity().pkiDir());
        assertEquals(java.util.Map.of("plant", "safetyhub"), SimulatorOptions.parse(new String[0]).opcUaSecurity().users());
    }

    @Test
    void shouldRefuseWhenAnOpcUaUserHasNoPassword() {
        assertThrows(SimulatorOptions.UsageException.class,
                () -> SimulatorOptions.parse(new String[]{"--opcua-users", "plant"}));
    }

    @Test
    void shouldRefuseWhenScenarioIsUnknown() {
        assertThrows(SimulatorOptions.UsageException.class,
                () -> SimulatorOptions.parse(new String[]{"--scenario", "earthquake"}));
    }

    @Test
    void shouldReadTheLoadFlagsWhenScenarioIsLoad() throws Exception {
        SimulatorOptions options = SimulatorOptions.parse(new String[]{"--scenario", "load", "--devices", "500",
                "--rate", "2.5", "--connections", "4", "--duration", "30"});

        assertEquals(500, options.loadDevices());
        assertEquals(2.5, options.loadRate());
        assertEquals(4, options.loadConnections());
        assertEquals(Duration.ofSeconds(30), options.duration().orElseThrow());
    }

    @Test
    void shouldRefuseWhenOfflineModeOrOpcUaPortIsInvalid() {
        assertThrows(SimulatorOptions.UsageException.class, () -> SimulatorOptions.parse(new String[]{
                "--scenario", "device-offline", "--offline-mode", "vanish"}));
        assertThrows(SimulatorOptions.UsageException.class, () -> SimulatorOptions.parse(new String[]{
                "--opcua-port", "70000"}));
    }

    @Test
    void shouldLogInAsTheDeviceWhenOnlyAPasswordIsGiven() throws Exception {
        SimulatorOptions options = SimulatorOptions.parse(new String[]{"--password", "s3cret", "--state-dir", "none"});

        assertEquals("GA-0001", options.endpoint().credentials().forDevice("GA-0001").orElseThrow().username());
        assertTrue(options.endpoint().stateDir().isEmpty());
    }

    @Test
    void shouldLogInWithTheStacksDemoPasswordWhenTheLauncherPassesIt() throws Exception {
        // bin/safetyhub up passes it as a system property (devstack's Platform.links); --password would win.
        System.setProperty("safetyhub.mqtt.password", "demo-secret");
        try {
            SimulatorOptions options = SimulatorOptions.parse(new String[]{"--state-dir", "none"});

            assertEquals("demo-secret", options.endpoint().credentials().forDevice("TC-0001").orElseThrow().password());
            assertEquals("TC-0001", options.endpoint().credentials().forDevice("TC-0001").orElseThrow().username());
            assertEquals("mine", SimulatorOptions.parse(new String[]{"--password", "mine"}).endpoint().credentials()
                    .forDevice("TC-0001").orElseThrow().password());
        } finally {
            System.clearProperty("safetyhub.mqtt.password");
        }
    }

    @Test
    void shouldShareOneAccountWhenUserNameAndPasswordAreGiven() throws Exception {
        SimulatorOptions options = SimulatorOptions.parse(new String[]{"--username", "plant", "--password", "pw",
                "--scenario", "load", "--in-flight", "4000", "--instance", "demo"});

        assertEquals("plant", options.endpoint().credentials().forDevice("LOAD-00001").orElseThrow().username());
        assertEquals(4000, options.loadInFlight());
        assertEquals("demo", options.instance());
    }

    @Test
    void shouldRefuseWhenCredentialsAreGivenTwoWays() {
        assertThrows(SimulatorOptions.UsageException.class,
                () -> SimulatorOptions.parse(new String[]{"--credentials", "/nonexistent", "--password", "x"}));
        assertThrows(SimulatorOptions.UsageException.class,
                () -> SimulatorOptions.parse(new String[]{"--username", "plant"}));
        assertThrows(SimulatorOptions.UsageException.class,
                () -> SimulatorOptions.parse(new String[]{"--credentials", "/nonexistent/devices.secrets"}));
    }

    @Test
    void shouldRefuseACaFileWhenTheEndpointIsNotTls() {
        SimulatorOptions.UsageException e = assertThrows(SimulatorOptions.UsageException.class,
                () -> SimulatorOptions.parse(new String[]{"--mqtt", "tcp://127.0.0.1:1883", "--tls-ca", "/etc/hostname"}));
        assertTrue(e.getMessage().contains("ssl://"));
    }

    @Test
    void shouldReadWindowsFromInputWhenLoadIsToldStdin() throws Exception {
        assertTrue(SimulatorOptions.parse(new String[]{"--scenario", "load", "--windows", "stdin"}).loadWindowsFromInput());
        assertTrue(!SimulatorOptions.parse(new String[]{"--scenario", "load"}).loadWindowsFromInput());
        SimulatorOptions.UsageException refused = assertThrows(SimulatorOptions.UsageException.class,
                () -> SimulatorOptions.parse(new String[]{"--scenario", "load", "--windows", "stdio"}));
        assertTrue(refused.getMessage().contains("--windows"), refused.getMessage());
    }
}
