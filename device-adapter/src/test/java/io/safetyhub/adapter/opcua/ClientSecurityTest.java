package io.safetyhub.adapter.opcua;

import io.quarkus.runtime.configuration.DurationConverter;
import io.safetyhub.adapter.config.AdapterConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which security a session gets: its listed endpoint's, else the configured default. */
class ClientSecurityTest {
    private static final String LISTED = "opc.tcp://10.1.2.3:4840/plant";
    private static final String UNLISTED = "opc.tcp://10.9.9.9:4840/other";

    @Test
    void shouldUseNoneForAnUnlistedEndpointWhenNoDefaultIsConfigured() {
        ClientSecurity security = ClientSecurity.of(UNLISTED, config(Map.of()).opcUa(), () -> null);

        assertEquals(SecurityPolicy.None, security.policy());
        assertEquals(MessageSecurityMode.None, security.mode());
        assertEquals("anonymous", security.identity());
    }

    @Test
    void shouldSecureAnUnlistedEndpointWhenProductionSetsASecuredDefault() {
        AdapterConfig config = config(Map.of("adapter.opc-ua.default-security-policy", "Basic256Sha256"));

        ClientSecurity security = ClientSecurity.of(UNLISTED, config.opcUa(), () -> null);
        assertEquals(SecurityPolicy.Basic256Sha256, security.policy());
        assertEquals(MessageSecurityMode.SignAndEncrypt, security.mode());
        ClientSecurity listed = ClientSecurity.of(LISTED, config.opcUa(), () -> null);
        assertEquals(SecurityPolicy.None, listed.policy(), "None only where listed explicitly");
    }

    @Test
    void shouldUseTheListedPolicyAndUserWhenTheEndpointIsConfigured() {
        ClientSecurity security = ClientSecurity.of(LISTED, config(Map.of(
                "adapter.opc-ua.endpoints.plant.security-policy", "Basic256Sha256",
                "adapter.opc-ua.endpoints.plant.security-mode", "Sign",
                "adapter.opc-ua.endpoints.plant.username", "safetyhub")).opcUa(), () -> null);

        assertEquals(SecurityPolicy.Basic256Sha256, security.policy());
        assertEquals(MessageSecurityMode.Sign, security.mode());
        assertEquals("user safetyhub", security.identity());
    }

    @ParameterizedTest
    @EnumSource(SecurityPolicy.class)
    void shouldConfigureEveryMiloPolicyByItsNameWhenNamedInTheSettings(SecurityPolicy milo) {
        // The settings name Milo's values through an enum of their own (no Milo class loaded where OPC UA is off).
        assertEquals(milo, ClientSecurity.policy(AdapterConfig.SecurityPolicyName.valueOf(milo.name())));
    }

    @ParameterizedTest
    @EnumSource(value = MessageSecurityMode.class, names = "Invalid", mode = EnumSource.Mode.EXCLUDE)
    void shouldConfigureEveryMiloModeByItsNameWhenNamedInTheSettings(MessageSecurityMode milo) {
        assertEquals(milo, ClientSecurity.mode(AdapterConfig.SecurityModeName.valueOf(milo.name())));
    }

    private static AdapterConfig config(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(extra);
        values.put("adapter.opc-ua.endpoints.plant.url", LISTED);
        values.putIfAbsent("adapter.opc-ua.endpoints.plant.security-policy", "None");
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(AdapterConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new MapBackedConfigSource("test", values) {
                }).build();
        return config.getConfigMapping(AdapterConfig.class);
    }
}
