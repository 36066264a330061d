package io.safetyhub.enterprise.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Every setting of enterprise-service. */
@ConfigMapping(prefix = "enterprise")
public interface EnterpriseConfig {

    /** Name written into the {@code source} of every event this service publishes. */
    @WithDefault("enterprise-service")
    String source();

    /** MongoDB database holding the registry. */
    @WithDefault("safetyhub_enterprise")
    String database();

    /**
     * Upsert the demo district (ten enterprises in 巴南区, 渝北区 and 江北区) at startup. Off in
     * production; the platform launcher and the tests turn it on.
     */
    @WithDefault("false")
    boolean seedDemo();

    /** The compacted {@code enterprise.registry.v1} topic, created at startup when missing. */
    RegistryTopic registryTopic();

    interface RegistryTopic {
        /** Partitions when the topic is created here (key = enterpriseId, so order per enterprise holds). */
        @WithDefault("3")
        int partitions();

        /** Replication factor when the topic is created here: 1 for the single dev broker, 3 in production. */
        @WithDefault("1")
        short replicationFactor();

        /** Longest wait for the broker while checking or creating the topic and for a publish to be acknowledged. */
        @WithDefault("30s")
        Duration timeout();
    }
}
