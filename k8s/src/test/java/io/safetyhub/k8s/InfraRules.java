package io.safetyhub.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.safetyhub.k8s.Workloads.Env;
import io.safetyhub.k8s.Workloads.Workload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Consistency between the infrastructure pieces an overlay changes together. */
final class InfraRules {
    static final String MONGO_URI = "QUARKUS_MONGODB_CONNECTION_STRING";
    private static final Pattern AUTH_SOURCE = Pattern.compile("[?&]authSource=([^&]+)");

    private InfraRules() {
    }

    /** The replica-set init Job names exactly the members the MongoDB StatefulSet runs, in ordinal order. */
    static List<String> mongoMembers(Rendered rendered) {
        List<Workload> workloads = Workloads.of(rendered);
        Optional<Workload> mongo = workloads.stream().filter(w -> w.id().equals("StatefulSet/mongodb")).findFirst();
        Optional<Workload> init = workloads.stream().filter(w -> w.id().equals("Job/mongodb-rs-init")).findFirst();
        if (mongo.isEmpty() || init.isEmpty()) {
            return List.of("MongoDB needs StatefulSet/mongodb and Job/mongodb-rs-init");
        }
        String members = jobEnv(init.get()).getOrDefault("MEMBERS", new EnvVar()).getValue();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < mongo.get().replicas(); i++) {
            expected.add("mongodb-" + i + ".mongodb:27017");
        }
        return String.join(",", expected).equals(members) ? List.of()
                : List.of("Job/mongodb-rs-init initiates " + members + " but StatefulSet/mongodb runs " + expected);
    }

    /**
     * One MongoDB user per service, with rights on its own database only: every service workload reads its connection
     * string from a Secret of its module's own ({@code <module>-mongodb}), and the init Job creates the user of that
     * very Secret with readWrite on the database the module is configured with. Where the overlay makes the Secret
     * itself (dev), its connection string authenticates against that database.
     */
    static List<String> mongoUsers(Rendered rendered, Map<String, ServiceModule> modules) {
        List<String> problems = new ArrayList<>();
        Optional<Workload> init = Workloads.of(rendered).stream().filter(w -> w.id().equals("Job/mongodb-rs-init")).findFirst();
        Map<String, EnvVar> job = init.map(InfraRules::jobEnv).orElse(Map.of());
        Map<String, String> grants = new HashMap<>();
        EnvVar users = job.get("SERVICE_USERS");
        for (String entry : users == null || users.getValue() == null ? new String[0] : users.getValue().split(",")) {
            String[] pair = entry.split("=", 2);
            EnvVar source = job.get(pair[0].trim());
            if (pair.length == 2 && source != null && source.getValueFrom() != null && source.getValueFrom().getSecretKeyRef() != null) {
                var ref = source.getValueFrom().getSecretKeyRef();
                grants.put(ref.getName() + "/" + ref.getKey(), pair[1].trim());
            }
        }
        Map<String, String> secretOfModule = new HashMap<>();
        for (Workload w : Workloads.of(rendered)) {
            ServiceModule module = w.module() == null ? null : modules.get(w.module());
            if (!w.isService() || module == null || !module.usesMongo()) {
                continue;
            }
            Env uri = w.env(rendered).get(MONGO_URI);
            if (uri == null || uri.secret() == null) {
                problems.add(w.id() + " takes " + MONGO_URI + " from no Secret");
                continue;
            }
            String own = module.name() + "-mongodb";
            if (!own.equals(uri.secret())) {
                problems.add(w.id() + " reads MongoDB as the user of Secret " + uri.secret() + ", not its own " + own);
            }
            String earlier = secretOfModule.putIfAbsent(uri.secret(), module.name());
            if (earlier != null && !earlier.equals(module.name())) {
                problems.add(earlier + " and " + module.name() + " share the MongoDB user of Secret " + uri.secret());
            }
            String granted = grants.get(uri.secret() + "/" + uri.secretKey());
            if (granted == null) {
                problems.add("Job/mongodb-rs-init creates no user from Secret " + uri.secret() + " for " + w.id());
            } else if (!granted.equals(module.database())) {
                problems.add("Job/mongodb-rs-init gives the user of " + uri.secret() + " the database " + granted
                        + ", but " + module.name() + " uses " + module.database());
            }
            authSource(rendered, uri).filter(db -> !db.equals(module.database())).ifPresent(db -> problems.add(
                    "Secret " + uri.secret() + " authenticates against " + db + ", where the user of " + module.name()
                            + " is created: " + module.database()));
        }
        return problems;
    }

    /** The authSource of a connection string the overlay itself holds (a generated Secret). */
    private static Optional<String> authSource(Rendered rendered, Env uri) {
        return rendered.ofType(Secret.class).stream().filter(s -> s.getMetadata().getName().equals(uri.secret()))
                .map(s -> s.getData() == null ? null : s.getData().get(uri.secretKey())).filter(v -> v != null)
                .map(v -> new String(Base64.getMimeDecoder().decode(v), StandardCharsets.UTF_8))
                .map(AUTH_SOURCE::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
    }

    /**
     * OPC UA endpoints are sharded by StatefulSet ordinal: a workload that takes ADAPTER_OPC_UA_SHARD_INDEX is a
     * StatefulSet whose replica count is ADAPTER_OPC_UA_SHARD_COUNT, and no autoscaler changes it; every other
     * device-adapter workload has OPC UA switched off, so no endpoint gets a second session.
     */
    static List<String> opcUaShards(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        List<HorizontalPodAutoscaler> hpas = rendered.ofType(HorizontalPodAutoscaler.class);
        for (Workload w : Workloads.of(rendered)) {
            if (!"device-adapter".equals(w.module())) {
                continue;
            }
            Map<String, Env> env = w.env(rendered);
            if (!env.containsKey("ADAPTER_OPC_UA_SHARD_INDEX")) {
                Env enabled = env.get("ADAPTER_OPC_UA_ENABLED");
                if (enabled == null || !"false".equals(enabled.value())) {
                    problems.add(w.id() + " runs device-adapter without an OPC UA shard and with OPC UA on: "
                            + "every endpoint would get a second session");
                }
                continue;
            }
            Env count = env.get("ADAPTER_OPC_UA_SHARD_COUNT");
            if (!w.kind().equals("StatefulSet")) {
                problems.add(w.id() + " shards OPC UA endpoints but has no ordinals (not a StatefulSet)");
            }
            if (count == null || !String.valueOf(w.replicas()).equals(count.value())) {
                problems.add(w.id() + " runs " + w.replicas() + " replicas but ADAPTER_OPC_UA_SHARD_COUNT is "
                        + (count == null ? null : count.value()));
            }
            hpas.stream().filter(h -> h.getSpec().getScaleTargetRef().getName().equals(w.name())
                            && h.getSpec().getScaleTargetRef().getKind().equals(w.kind()))
                    .forEach(h -> problems.add("HorizontalPodAutoscaler/" + h.getMetadata().getName() + " scales "
                            + w.id() + ", whose replica count is its OPC UA shard count"));
        }
        return problems;
    }

    private static Map<String, EnvVar> jobEnv(Workload job) {
        Map<String, EnvVar> env = new HashMap<>();
        for (Container c : WorkloadRules.containers(job)) {
            if (c.getEnv() != null) {
                c.getEnv().forEach(e -> env.put(e.getName(), e));
            }
        }
        return env;
    }
}
