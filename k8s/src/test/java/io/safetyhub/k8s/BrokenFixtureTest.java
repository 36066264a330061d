package io.safetyhub.k8s;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule of {@link OverlayTest} run on src/test/resources/broken, where every rule is broken on purpose:
 * a rule that stopped finding anything would pass the real overlays and fail here.
 */
class BrokenFixtureTest {
    private static Rendered broken;

    @BeforeAll
    static void render() throws URISyntaxException {
        Path fixture = Path.of(BrokenFixtureTest.class.getResource("/broken/kustomization.yaml").toURI()).getParent();
        broken = Rendered.parse(Kustomize.fromBuild().build(fixture));
    }

    private static void assertReports(List<String> problems, String... expected) {
        for (String fragment : expected) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(fragment)),
                    "expected a problem containing \"" + fragment + "\" among " + problems);
        }
    }

    @Test
    void shouldReportUntypedKindsAndUnknownFieldsWhenManifestsAreMisspelt() {
        assertReports(broken.parseProblems(),
                "Deploymnet/misspelt-kind: apps/v1 Deploymnet has no typed model",
                "Deployment/enterprise-service: unknown field spec.template.spec.containers[0].readinesProbe",
                "KafkaTopic/enterprise.registry.v1: unknown field spec.partitons");
    }

    @Test
    void shouldReportSchemaViolationWhenKeycloakFieldIsMisspelt() {
        assertReports(CustomResourceSchemas.check(broken), "Keycloak/safetyhub-keycloak", "instancs");
    }

    @Test
    void shouldReportMissingProbesAndLimitsWhenContainerLacksThem() {
        assertReports(WorkloadRules.probesAndResources(broken),
                "Deployment/gateway container gateway has no readiness probe",
                "Deployment/gateway container gateway has no memory limit",
                "Deployment/enterprise-service container enterprise-service has no liveness probe",
                "StatefulSet/mongodb container mongod has no cpu request",
                "Job/mongodb-rs-init container rs-init has no cpu limit");
    }

    @Test
    void shouldReportRootAndWritableRootWhenSecurityContextIsMissing() {
        List<String> problems = WorkloadRules.hardened(broken);
        assertReports(problems,
                "Deployment/gateway container gateway may run as root",
                "Deployment/gateway container gateway has a writable root filesystem",
                "Deployment/gateway container gateway allows privilege escalation");
        assertTrue(problems.stream().noneMatch(p -> p.startsWith("Deployment/enterprise-service")),
                "enterprise-service is hardened in the fixture: " + problems);
    }

    @Test
    void shouldReportForeignImagesWhenWorkloadRunsAnotherModule() {
        assertReports(WorkloadRules.images(broken, Project.repoRoot(), Project.serviceModules()),
                "Deployment/gateway runs safetyhub/gatewai:0.1.0, which is no SafetyHub service module",
                "Deployment/enterprise-service runs the image of warning-service",
                "service module device-adapter is not deployed");
    }

    @Test
    void shouldReportDanglingSelectorsWhenNothingMatches() {
        assertReports(WorkloadRules.wiring(broken),
                "Service/orphan selects no Deployment or StatefulSet",
                "Service/enterprise-service targets port web",
                "HorizontalPodAutoscaler/warning-service scales missing Deployment/warning-service");
    }

    @Test
    void shouldReportMissingConfigMapsAndSecretsWhenNobodySuppliesThem() {
        List<String> problems = ReferenceRules.references(broken, Set.of("keycloak-db"));
        assertReports(problems, "refers to ConfigMap missing-config", "refers to Secret missing-secret");
        assertTrue(problems.stream().noneMatch(p -> p.contains("keycloak-db")), "keycloak-db is operator-supplied: " + problems);
    }

    @Test
    void shouldReportUnknownSettingWhenEnvironmentNamesNone() {
        List<String> problems = ConfigRules.settingsExist(broken, Project.repoRoot());
        assertReports(problems, "Deployment/gateway sets GATEWAY_UPSTREEMS, which names no setting");
        assertTrue(problems.stream().noneMatch(p -> p.contains("GATEWAY_PROXY_TIMEOUT")), "a real setting: " + problems);
    }

    @Test
    void shouldReportOpenServicesWhenPoliciesLetOthersThanTheGatewayIn() {
        assertReports(NetworkRules.policies(broken),
                "no default-deny ingress NetworkPolicy",
                "Deployment/enterprise-service: NetworkPolicy/enterprise-service-ingress lets anyone in",
                "Deployment/enterprise-service: NetworkPolicy/enterprise-service-from-all-services lets in something other than the gateway",
                "StatefulSet/mongodb has no ingress NetworkPolicy of its own");
    }

    @Test
    void shouldReportExposedServiceWhenIngressBypassesTheGateway() {
        assertReports(NetworkRules.ingresses(broken), "Ingress/direct has no TLS",
                "Ingress/direct exposes enterprise-service at /api/enterprises",
                "Ingress/direct exposes Keycloak at /admin/");
    }

    @Test
    void shouldReportMissingAndMisconfiguredTopicsWhenKafkaTopicsAreIncomplete() {
        assertReports(KafkaRules.topics(broken, Project.topics(), 3, 2),
                "topic telemetry.readings.v1 has no KafkaTopic",
                "topic alarms.events.v1 has no KafkaTopic",
                "the cluster has 1 brokers, fewer than replication 3",
                "KafkaTopic/enterprise.registry.v1 is a registry but is not compacted",
                "KafkaTopic/enterprise.registry.v1 has no partition count");
        assertReports(KafkaRules.consumerScaling(broken, "warning-service", "device.status.v1"),
                "HorizontalPodAutoscaler/warning-service allows 2 replicas but device.status.v1 has 1 partitions");
        assertReports(KafkaRules.consumerScaling(broken, "warning-service", "telemetry.readings.v1"),
                "scales a consumer of telemetry.readings.v1, which has no KafkaTopic");
    }

    @Test
    void shouldReportUnscrapedServicesAndUnknownMetricsWhenMonitoringIsWrong() {
        assertReports(MonitoringRules.serviceMonitors(broken),
                "Service/orphan is scraped by 0 ServiceMonitors",
                "ServiceMonitor/enterprise-service scrapes /metrics, not /q/metrics",
                "ServiceMonitor/enterprise-service scrapes port metrics");
        assertReports(MonitoringRules.alerts(broken, Project.repoRoot(), Project.serviceModules()),
                "alert SafetyhubConsumerLag is missing",
                "alert metric safetyhub_ghost_events_total is registered by no service");
    }

    @Test
    void shouldReportMemberMismatchWhenInitJobAndStatefulSetDisagree() {
        assertReports(InfraRules.mongoMembers(broken), "Job/mongodb-rs-init initiates mongodb-0.mongodb:27017");
    }
}
