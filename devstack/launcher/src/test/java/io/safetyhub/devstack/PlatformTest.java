package io.safetyhub.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** device-adapter is the stack's MQTT endpoint: the links make it listen where the simulator and tests publish. */
class PlatformTest {

    @TempDir
    Path dir;

    private Platform platform(Infra.Ports ports) {
        Infra infra = new Infra(dir, new StackHome(dir.resolve("home")), ports, dir.resolve("keycloak"),
                dir.resolve("keycloak.pid"), true, new PrintStream(OutputStream.nullOutputStream()));
        return new Platform(dir, new StackHome(dir.resolve("home")), infra);
    }

    private static Platform.App app(String name) {
        return Platform.APPS.stream().filter(app -> app.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void shouldOpenTheAdaptersMqttListenerOnTheStacksMqttPortWhenLinkingTheDeviceAdapter() {
        Map<String, String> links = platform(new Infra.Ports(1, 2, 3, 4711, 5)).links(app("device-adapter"));

        assertEquals("4711", links.get("adapter.mqtt.plain.port"));
        assertEquals(Platform.DEMO_DEVICE_PASSWORD, links.get("adapter.credentials.demo-password"));
        assertEquals("true", links.get("adapter.seed-demo"));
    }

    @Test
    void shouldPointTheSimulatorAtTheAdapterWithTheDemoPasswordWhenLinkingTheSimulator() {
        Map<String, String> links = platform(new Infra.Ports(1, 2, 3, 4711, 5)).links(app("simulator"));

        assertEquals("tcp://127.0.0.1:4711", links.get("safetyhub.mqtt.url"));
        assertEquals(Platform.DEMO_DEVICE_PASSWORD, links.get("safetyhub.mqtt.password"));
    }

    @Test
    void shouldGiveNoMqttSettingsWhenLinkingAServiceThatSpeaksNoMqtt() {
        Map<String, String> links = platform(new Infra.Ports(1, 2, 3, 4711, 5)).links(app("warning-service"));

        assertTrue(links.keySet().stream().noneMatch(key -> key.contains("mqtt")), links.toString());
        assertFalse(links.containsValue(Platform.DEMO_DEVICE_PASSWORD));
    }

    @Test
    void shouldBoundEveryServicesMemoryWhenStartingTheStack() {
        for (Component c : platform(new Infra.Ports(1, 2, 3, 4711, 5)).components()) {
            java.util.List<String> jvm = c.command().subList(1, 1 + Platform.JVM_OPTIONS.size());
            assertEquals(Platform.JVM_OPTIONS, jvm, c.name());
            assertTrue(jvm.contains("-XX:+UseSerialGC") && jvm.stream().anyMatch(o -> o.startsWith("-Xmx")), c.name());
            assertEquals("2", c.environment().get("MALLOC_ARENA_MAX"), c.name());
        }
    }

    @Test
    void shouldGiveTheReportsKeyOnlyToEnforcementInItsEnvironmentWhenStartingTheStack() {
        for (Component c : platform(new Infra.Ports(1, 2, 3, 4711, 5)).components()) {
            String key = c.environment().get(StackSecrets.REPORTS_KEY_VARIABLE);
            assertEquals(c.name().equals("enforcement-service"), key != null, c.name());
            if (key != null) {
                assertTrue(c.command().stream().noneMatch(arg -> arg.contains(key)), "the key is on the command line");
            }
        }
    }

    @Test
    void shouldAppendTheEnvironmentsOptionsAfterTheDefaultsWhenSomeAreGiven() {
        Map<String, String> env = Map.of("SAFETYHUB_JVM_OPTIONS", " -XX:NativeMemoryTracking=summary ",
                "SAFETYHUB_JVM_OPTIONS_WARNING_SERVICE", "-Xmx96m  -Dx=y", "SAFETYHUB_JVM_OPTIONS_GATEWAY", "-Xmx1g");

        java.util.List<String> options = Platform.jvmOptions("warning-service", env, Runtime.Version.parse("16"));

        assertEquals(Platform.JVM_OPTIONS, options.subList(0, Platform.JVM_OPTIONS.size()));
        assertEquals(java.util.List.of("-XX:NativeMemoryTracking=summary", "-Xmx96m", "-Dx=y"),
                options.subList(Platform.JVM_OPTIONS.size(), options.size()));
    }

    @Test
    void shouldUseTheDefaultsOnlyWhenTheEnvironmentGivesNoOptions() {
        assertEquals(Platform.JVM_OPTIONS, Platform.jvmOptions("device-adapter",
                Map.of("SAFETYHUB_JVM_OPTIONS_DEVICE_ADAPTER", "  "), Runtime.Version.parse("17.0.8")));
    }

    @Test
    void shouldTrimTheNativeHeapWhenTheJavaHasTheOption() {
        for (String version : java.util.List.of("17.0.9", "17.0.15+6", "21.0.1", "25")) {
            java.util.List<String> options = Platform.jvmOptions("gateway", Map.of(), Runtime.Version.parse(version));
            assertTrue(options.containsAll(Platform.TRIM_NATIVE_HEAP), version);
            assertTrue(options.indexOf("-XX:+UnlockExperimentalVMOptions")
                    < options.indexOf("-XX:TrimNativeHeapInterval=5000"), version);
        }
    }

    @Test
    void shouldRunOnlyTheC1CompilerWhenTheAppIsOffTheAlarmPath() {
        Runtime.Version jdk = Runtime.Version.parse("17.0.15");
        for (String app : java.util.List.of("enterprise-service", "training-service", "enforcement-service",
                "emergency-service", "simulator")) {
            assertTrue(Platform.jvmOptions(app, Map.of(), jdk).contains("-XX:TieredStopAtLevel=1"), app);
        }
        for (String app : java.util.List.of("device-adapter", "warning-service", "gateway")) {
            assertFalse(Platform.jvmOptions(app, Map.of(), jdk).contains("-XX:TieredStopAtLevel=1"), app);
        }
        // the environment still has the last word, e.g. both tiers back for one measurement
        java.util.List<String> options = Platform.jvmOptions("emergency-service",
                Map.of("SAFETYHUB_JVM_OPTIONS_EMERGENCY_SERVICE", "-XX:TieredStopAtLevel=4"), jdk);
        assertTrue(options.lastIndexOf("-XX:TieredStopAtLevel=4") > options.indexOf("-XX:TieredStopAtLevel=1"));
    }

    @Test
    void shouldNotTrimTheNativeHeapWhenTheJavaLacksTheOption() {
        for (String version : java.util.List.of("17.0.8", "18.0.2", "20", "21")) {
            assertFalse(Platform.trimsNativeHeap(Runtime.Version.parse(version)), version);
            assertFalse(Platform.jvmOptions("gateway", Map.of(), Runtime.Version.parse(version))
                    .contains("-XX:TrimNativeHeapInterval=5000"), version);
        }
    }

    @Test
    void shouldCheckTheMqttPortBeforeStartWhenTheDeviceAdapterIsAComponent() {
        Platform platform = platform(new Infra.Ports(1, 2, 3, 4711, 5));

        Component adapter = platform.components().stream().filter(c -> c.name().equals("device-adapter"))
                .findFirst().orElseThrow();

        assertTrue(adapter.ports().contains(4711), adapter.ports().toString());
    }

    @Test
    void shouldStartNoBrokerWhenTheInfrastructureIsListed() {
        Infra infra = new Infra(dir, new StackHome(dir), Infra.Ports.defaults(), dir.resolve("kc"), dir.resolve("kc.pid"),
                true, new PrintStream(OutputStream.nullOutputStream()));

        assertEquals(java.util.List.of("mongo", "kafka", "keycloak"),
                infra.components().stream().map(Component::name).toList());
    }

    @Test
    void shouldListenOnLoopbackOnlyWhenLinkingAnyServiceOfTheLaptopStack() {
        Platform platform = platform(new Infra.Ports(1, 2, 3, 4711, 5));

        for (Platform.App app : Platform.APPS.stream().filter(Platform.App::quarkus).toList()) {
            Map<String, String> links = platform.links(app);
            assertEquals("127.0.0.1", links.get("quarkus.http.host"), app.name());
            if (app.managementPort() != 0) {
                assertEquals("127.0.0.1", links.get("quarkus.management.host"), app.name());
            }
        }
    }
}
