package io.safetyhub.k8s;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Renders each overlay with the real kustomize and holds it to every rule of issues 8, 14, 15 and 19.
 */
class OverlayTest {
    private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();
    /** Replication factor and min ISR per overlay: prod survives one broker down, dev runs one broker. */
    private static final Map<String, int[]> REPLICATION = Map.of("dev", new int[] {1, 1}, "prod", new int[] {3, 2});
    private static final Map<String, ServiceModule> MODULES = Project.modules();

    static Rendered render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> Rendered.parse(Kustomize.fromBuild().build(kustomization(o))));
    }

    private static Path kustomization(String overlay) {
        return Project.k8sDir().resolve("overlays").resolve(overlay);
    }

    private static void assertNone(List<String> problems, String overlay) {
        assertEquals(List.of(), problems, overlay + " breaks a rule");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldParseEveryManifestIntoItsTypeWhenOverlayIsRendered(String overlay) {
        Rendered rendered = render(overlay);
        assertFalse(rendered.all().isEmpty(), overlay + " rendered nothing");
        assertNone(rendered.parseProblems(), overlay);
        assertNone(CustomResourceSchemas.check(rendered), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldSelectRunningPodsWithEveryServiceHpaAndPdbWhenOverlayIsRendered(String overlay) {
        assertNone(WorkloadRules.wiring(render(overlay)), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldFindEveryReferencedConfigMapAndSecretWhenOverlayIsRendered(String overlay) {
        assertNone(ReferenceRules.references(render(overlay), Project.operatorSuppliedSecrets()), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldNameOnlyExistingSettingsWhenServiceEnvironmentIsRendered(String overlay) {
        assertNone(ConfigRules.settingsExist(render(overlay), Project.repoRoot()), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldGiveEveryContainerProbesRequestsAndLimitsWhenOverlayIsRendered(String overlay) {
        assertNone(WorkloadRules.probesAndResources(render(overlay)), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldRunEveryContainerAsNonRootOnReadOnlyRootWhenOverlayIsRendered(String overlay) {
        assertNone(WorkloadRules.hardened(render(overlay)), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldRunEachServiceModulesOwnImageWhenOverlayIsRendered(String overlay) {
        assertNone(WorkloadRules.images(render(overlay), Project.repoRoot(), Project.serviceModules()), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldLetOnlyTheGatewayReachTheServicesWhenOverlayIsRendered(String overlay) {
        assertNone(NetworkRules.policies(render(overlay)), overlay);
        assertNone(NetworkRules.ingresses(render(overlay)), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldDeclareEveryEventTopicWhenOverlayIsRendered(String overlay) {
        int[] replication = REPLICATION.get(overlay);
        assertNone(KafkaRules.topics(render(overlay), Project.topics(), replication[0], replication[1]), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldCapWarningServiceAtTheReadingsPartitionsWhenOverlayIsRendered(String overlay) {
        // prod scales up to exactly the partition count; dev caps every autoscaler at 2 on its small cluster.
        assertNone(KafkaRules.consumerScaling(render(overlay), "warning-service", "telemetry.readings.v1",
                "prod".equals(overlay)), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldScrapeEveryServiceAndAlertOnRegisteredMetricsWhenOverlayIsRendered(String overlay) {
        assertNone(MonitoringRules.serviceMonitors(render(overlay)), overlay);
        assertNone(MonitoringRules.alerts(render(overlay), Project.repoRoot(), Project.serviceModules()), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldInitiateExactlyTheRunningMongoMembersWhenOverlayIsRendered(String overlay) {
        assertNone(InfraRules.mongoMembers(render(overlay)), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldLetEachServiceUseKafkaOnlyAsItselfWhenOverlayIsRendered(String overlay) {
        Rendered rendered = render(overlay);
        assertNone(KafkaAccessRules.security(rendered), overlay);
        assertNone(KafkaAccessRules.clients(rendered, MODULES), overlay);
        assertNone(KafkaAccessRules.acls(rendered, Project.readmeTable(Project.k8sDir().resolve("README.md"),
                Project.KAFKA_ACCESS_HEADING), MODULES), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldGiveEachServiceAMongoUserOfItsOwnDatabaseWhenOverlayIsRendered(String overlay) {
        assertNone(InfraRules.mongoUsers(render(overlay), MODULES), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldShardOpcUaEndpointsOverOrdinalsOnlyWhenOverlayIsRendered(String overlay) {
        assertNone(InfraRules.opcUaShards(render(overlay)), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldAutoscaleTheMqttEndpointApartFromTheOpcUaShardsWhenOverlayIsRendered(String overlay) {
        assertNone(MqttScalingRules.mqttScalesApart(render(overlay)), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldPublishConsoleAndApiButNoQuarkusPathsWhenGatewayIngressIsRendered(String overlay) {
        assertNone(EdgeRules.gatewayPaths(render(overlay), Project.consoleRoot()), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldAdmitDevicesOnlyOnTheMqttPortsWhenOverlayIsRendered(String overlay) {
        assertNone(EdgeRules.deviceDoor(render(overlay)), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldLetWarningServiceReachOnlyItsInfrastructureAndReceiversWhenOverlayIsRendered(String overlay) {
        assertNone(EgressRules.warningService(render(overlay)), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldProbeAndScrapeWhereEachServiceServesHealthWhenOverlayIsRendered(String overlay) {
        assertNone(ManagementRules.probesAndScrapes(render(overlay), MODULES), overlay);
    }
}
