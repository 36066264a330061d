package io.safetyhub.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real infrastructure of {@link TestInfra}:
 * <pre>{@code
 * @QuarkusTest
 * @QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
 * class AlarmResourceTest { ... TestInfra.shared().token("ent.chem") ... }
 * }</pre>
 * The processes are shared by every test of the JVM and stopped when it exits, so {@link #stop()}
 * does nothing: Quarkus may restart the application between test profiles, the brokers stay.
 */
public class RealInfraResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestInfra.shared().quarkusConfig();
    }

    @Override
    public void stop() {
        // TestInfra's shutdown hook stops the processes once the JVM is done with them.
    }
}
