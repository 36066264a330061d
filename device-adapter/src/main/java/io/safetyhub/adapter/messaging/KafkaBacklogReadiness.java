package io.safetyhub.adapter.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the records Kafka has not acknowledged yet, as readiness data and as
 * {@code safetyhub_adapter_backlog_records}. Down while Kafka refuses records: nothing new can be delivered then,
 * though nothing is lost either (the MQTT messages stay unacknowledged and the broker keeps them).
 */
@Readiness
@ApplicationScoped
public class KafkaBacklogReadiness implements HealthCheck {
    private final EventPublisher publisher;

    public KafkaBacklogReadiness(EventPublisher publisher, MeterRegistry registry) {
        this.publisher = publisher;
        Gauge.builder("safetyhub.adapter.backlog.records", publisher, EventPublisher::backlog)
                .description("Records waiting for Kafka's acknowledgement")
                .register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka-backlog")
                .status(!publisher.kafkaFailing())
                .withData("backlog", publisher.backlog())
                .build();
    }
}
