package io.safetyhub.adapter.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the records Kafka has not acknowledged yet, as readiness data and as {@code safetyhub_adapter_backlog_records}
 * (all) and {@code safetyhub_adapter_spool_records} (the part only on disk). Down while records wait and Kafka has
 * acknowledged none of them for {@code adapter.publish.stall-after}: nothing new is delivered then, though nothing is
 * lost either (it waits in memory, on disk, or unacknowledged at the MQTT broker).
 */
@Readiness
@ApplicationScoped
public class KafkaBacklogReadiness implements HealthCheck {
    private final EventPublisher publisher;

    public KafkaBacklogReadiness(EventPublisher publisher, MeterRegistry registry) {
        this.publisher = publisher;
        Gauge.builder("safetyhub.adapter.backlog.records", publisher, EventPublisher::backlog)
                .description("Records waiting for Kafka's acknowledgement, in memory or on disk")
                .register(registry);
        Gauge.builder("safetyhub.adapter.spool.records", publisher, EventPublisher::spooled)
                .description("Records waiting for Kafka in the disk spool")
                .register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka-backlog")
                .status(!publisher.kafkaFailing())
                .withData("backlog", publisher.backlog())
                .withData("inMemory", publisher.inMemory())
                .withData("spooled", publisher.spooled())
                .build();
    }
}
