package io.safetyhub.k8s;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        assertReports(CustomResourceSchemas.check(broken), "Keycloak/safetyhub-keycloak", "instancs",
                "Certificate/device-adapter-mqtt", "dnsName");
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
                "service module training-service is not deployed");
    }

    @Test
    void shouldReportDanglingSelectorsWhenNothingMatches() {
        assertReports(WorkloadRules.wiring(broken),
                "Service/orphan selects no Deployment or StatefulSet",
                "Service/enterprise-service targets port web",
                "HorizontalPodAutoscaler/warning-service scales missing Deployment/warning-service",
                "Deployment/enterprise-service is autoscaled but has no PodDisruptionBudget");
    }

    @Test
    void shouldReportMissingConfigMapsAndSecretsWhenNobodySuppliesThem() {
        List<String> problems = ReferenceRules.references(broken, Set.of("keycloak-db"));
        assertReports(problems, "refers to ConfigMap missing-config", "refers to Secret missing-secret",
                "Certificate/device-adapter-mqtt refers to Issuer missing-issuer, which is not in the overlay");
        assertTrue(problems.stream().noneMatch(p -> p.contains("Secret gateway,")), "Strimzi makes KafkaUser gateway's Secret: " + problems);
        assertTrue(problems.stream().noneMatch(p -> p.contains("keycloak-db")), "keycloak-db is operator-supplied: " + problems);
    }

    @Test
    void shouldReportUnknownSettingWhenEnvironmentNamesNone() {
        List<String> problems = ConfigRules.settingsExist(broken, Project.repoRoot());
        assertReports(problems, "Deployment/gateway sets GATEWAY_UPSTREEMS, which names no setting",
                "StatefulSet/device-adapter sets ADAPTER_OPC_UA_TLS_ENABLED, which names no setting");
        assertTrue(problems.stream().noneMatch(p -> p.contains("GATEWAY_PROXY_TIMEOUT") || p.contains("ADAPTER_OPC_UA_SHARD_COUNT")
                || p.contains("ADAPTER_MQTT_TLS_CERTIFICATE")), "real settings: " + problems);
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
                "KafkaTopic/enterprise.registry.v1 holds the latest state per key (Topics.COMPACTED) but is not compacted",
                "KafkaTopic/enterprise.registry.v1 has no partition count");
        assertReports(KafkaRules.consumerScaling(broken, "warning-service", "device.status.v1"),
                "HorizontalPodAutoscaler/warning-service allows 2 replicas but device.status.v1 has 1 partitions",
                "Deployment/warning-service is missing");
        assertReports(KafkaRules.consumerScaling(broken, "enterprise-service", "device.status.v1"),
                "enterprise-service has no PodDisruptionBudget");
        assertReports(KafkaRules.consumerScaling(broken, "warning-service", "telemetry.readings.v1"),
                "scales a consumer of telemetry.readings.v1, which has no KafkaTopic");
        assertReports(KafkaRules.consumerScaling(broken, "training-service", "device.status.v1"),
                "training-service has no HorizontalPodAutoscaler");
    }

    @Test
    void shouldReportPlainListenersAndForeignLoginsWhenKafkaIsOpen() {
        assertReports(KafkaAccessRules.security(broken),
                "Kafka/safetyhub listener plain is not TLS",
                "Kafka/safetyhub listener plain does not require SCRAM-SHA-512",
                "Kafka/safetyhub has no ACL authorization",
                "Kafka/safetyhub has no User Operator",
                "KafkaUser/device-adapter is not a SCRAM-SHA-512 login");
        assertReports(KafkaAccessRules.clients(broken, Project.modules()),
                "StatefulSet/device-adapter connects to Kafka on port 9092, which is no TLS + SCRAM-SHA-512 listener",
                "StatefulSet/device-adapter sets KAFKA_SECURITY_PROTOCOL=null, expected SASL_SSL",
                "StatefulSet/device-adapter does not log in to Kafka as its own KafkaUser device-adapter",
                "StatefulSet/device-adapter does not trust the Kafka cluster CA");
    }

    @Test
    void shouldReportAclsBeyondTheTableWhenAServiceMayDoMore() {
        Map<String, List<List<String>>> table = Map.of(
                "gateway", List.of(List.of(), List.of("alarms.events.v1"), List.of("gateway*")),
                "warning-service", List.of(List.of("alarms.events.v1"), List.of("telemetry.readings.v1"), List.of("warning-service*")));
        assertReports(KafkaAccessRules.acls(broken, table, Project.modules()),
                "KafkaUser/gateway may write [alarms.events.v1] and read [alarms.events.v1]; the gateway only reads alarms.events.v1",
                "KafkaUser/warning-service is granted All, more than a service needs",
                "KafkaUser/warning-service is granted topics by the prefix telemetry.",
                "KafkaUser/warning-service may write [] but the README's Kafka access table says [alarms.events.v1]",
                "topic alarms.events.v1 may be written by",
                "KafkaUser/gateway is granted alarms.events.v1, which has no KafkaTopic",
                "warning-service consumes device.status.v1 (application.properties) but the Kafka access table does not let it read it",
                "enterprise-service uses Kafka but has no row in the README's Kafka access table",
                "KafkaUser/device-adapter has no row in the README's Kafka access table");
    }

    @Test
    void shouldReportSharedAndMisgrantedMongoUsersWhenServicesShareOne() {
        assertReports(InfraRules.mongoUsers(broken, Project.modules()),
                "StatefulSet/device-adapter reads MongoDB as the user of Secret safetyhub-mongodb, not its own device-adapter-mongodb",
                "Job/mongodb-rs-init creates no user from Secret safetyhub-mongodb for StatefulSet/device-adapter",
                "Job/mongodb-rs-init gives the user of enterprise-service-mongodb the database safetyhub_training, but warning-service uses safetyhub_warning",
                "Secret enterprise-service-mongodb authenticates against admin");
    }

    @Test
    void shouldReportAnMqttEndpointThatCannotScaleWhenItIsAnOpcUaShard() {
        // The broken fixture's StatefulSet/device-adapter is a shard that also opens 1883 and 8883.
        assertReports(MqttScalingRules.mqttScalesApart(broken),
                "StatefulSet/device-adapter is both an OPC UA shard and the MQTT endpoint");
    }

    @Test
    void shouldReportDoubleOpcUaSessionsWhenShardsDisagreeWithReplicas() {
        assertReports(InfraRules.opcUaShards(broken),
                "StatefulSet/device-adapter runs 3 replicas but ADAPTER_OPC_UA_SHARD_COUNT is 2",
                "HorizontalPodAutoscaler/device-adapter scales StatefulSet/device-adapter, whose replica count is its OPC UA shard count",
                "Deployment/device-adapter-spare runs device-adapter without an OPC UA shard and with OPC UA on");
    }

    @Test
    void shouldReportQuarkusPathsAndMissingConsoleWhenGatewayIngressIsWrong() {
        assertReports(EdgeRules.gatewayPaths(broken, Project.consoleRoot()),
                "Ingress/gateway publishes the gateway's /q/ (path /q, Prefix)",
                "no Ingress publishes the gateway's /index.html",
                "no Ingress publishes the gateway's /console-config.json");
    }

    @Test
    void shouldReportOpenDoorsWhenOutsideTrafficReachesMoreThanMqtt() {
        assertReports(EdgeRules.deviceDoor(broken),
                "Service/enterprise-public is reachable from outside the cluster on [8080] and leads to [Deployment/enterprise-service]",
                "Service/device-adapter-mqtt hides the devices' source addresses",
                "Service/device-adapter-mqtt admits every source address",
                "no Service publishes device-adapter's MQTT ports [1883, 8883]",
                "NetworkPolicy/enterprise-service-from-internet lets 0.0.0.0/0 into [Deployment/enterprise-service]",
                "StatefulSet/device-adapter serves MQTT without its TLS listener",
                "StatefulSet/device-adapter binds its plain MQTT listener to the adapter's default (loopback)",
                "StatefulSet/device-adapter ADAPTER_MQTT_TLS_CERTIFICATE=/etc/tls/tls.crt is not in a mounted Secret of a cert-manager Certificate");
    }

    @Test
    void shouldReportWarningServiceEgressWhenItMayConnectAnywhere() {
        assertReports(EgressRules.warningService(broken),
                "NetworkPolicy/warning-service-egress lets warning-service reach 0.0.0.0/0 on every port",
                "NetworkPolicy/warning-service-egress lets warning-service reach pods {app.kubernetes.io/name=gateway}",
                "warning-service cannot reach Keycloak");
    }

    @Test
    void shouldReportProbesAndScrapesOnTheWrongPortWhenManagementIsMisread() {
        assertReports(ManagementRules.probesAndScrapes(broken, Project.modules()),
                "Deployment/gateway-canary liveness probe /q/health/live reaches port 8080, but gateway serves them on its management port 9000",
                "ServiceMonitor/gateway-canary scrapes Deployment/gateway-canary through Service/gateway-canary port http reaches port 8080, but gateway serves them on its management port 9000",
                "StatefulSet/device-adapter liveness probe /q/health/live reaches port 9000, but device-adapter has no management interface",
                "StatefulSet/device-adapter is scraped by no ServiceMonitor or PodMonitor");
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
