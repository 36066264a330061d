package io.safetyhub.enterprise.hazard;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.EnterpriseRepository;
import io.safetyhub.enterprise.enterprise.TenantScope;
import io.safetyhub.enterprise.finding.HazardOrigin;
import io.safetyhub.enterprise.finding.HazardOriginRepository;
import io.safetyhub.events.HazardOverdue;
import io.safetyhub.platform.rest.JobLease;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Announces each major accident hazard (重大事故隐患) that passed its rectification deadline without being closed, ONCE
 * per hazard and deadline, as {@link HazardOverdue} on {@code enterprise.hazards-overdue.v1} (key enterpriseId), for
 * enforcement-service's credit score. "Major hazard overdue" here is the register's own rule (domain.md: an open hazard
 * past its deadline is OVERDUE), narrowed to grade MAJOR, the hazards tracked to zero (动态清零); the 重大危险源
 * installations have no deadline, their overdue duty checks are already {@code enterprise.duties.v1}. Published first
 * and remembered ({@code hazard_overdue}) after, so a crash in between repeats an announcement (consumers dedupe on
 * overdueKey) rather than losing it. Tests call {@link #run(LocalDate)}.
 */
@ApplicationScoped
public class MajorHazardOverdueCheck {
    /** Name of the lease: one replica at a time announces overdue major hazards. */
    public static final String JOB = "major-hazards-overdue";
    static final String CHANNEL = "enterprise-hazards-overdue";
    private static final Logger LOG = Logger.getLogger(MajorHazardOverdueCheck.class);

    private final HazardRepository hazards;
    private final HazardOriginRepository origins;
    private final EnterpriseRepository registry;
    private final MongoCollection<Document> announced;
    private final MutinyEmitter<HazardOverdue> emitter;
    private final JobLease lease;
    private final Clock clock;
    private final EnterpriseConfig config;

    public MajorHazardOverdueCheck(HazardRepository hazards, HazardOriginRepository origins, EnterpriseRepository registry,
                                   MongoClient mongo, @Channel(CHANNEL) MutinyEmitter<HazardOverdue> emitter, JobLease lease,
                                   Clock clock, EnterpriseConfig config) {
        this.hazards = hazards;
        this.origins = origins;
        this.registry = registry;
        this.announced = mongo.getDatabase(config.database()).getCollection("hazard_overdue");
        this.emitter = emitter;
        this.lease = lease;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${enterprise.hazards-overdue.check-every:15m}", delayed = "40s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void scheduled() {
        lease.run(JOB, () -> run(LocalDate.now(clock.withZone(config.zone()))));
    }

    /** @return the overdueKeys announced by this run: open MAJOR hazards whose deadline lies before {@code today} */
    public synchronized List<String> run(LocalDate today) {
        List<String> out = new ArrayList<>();
        for (Hazard h : hazards.findAll(new HazardFilter(TenantScope.everything(), null, null, HazardGrade.MAJOR, true, today))) {
            String key = h.id() + "|" + h.deadline();
            if (announced.find(Filters.eq("_id", key)).first() != null) {
                continue;
            }
            publish(h, key);
            remember(key, h);
            LOG.infof("major hazard %s of %s overdue since %s", h.id(), h.enterpriseId(), h.deadline());
            out.add(key);
        }
        return out;
    }

    private void publish(Hazard h, String key) {
        Enterprise e = registry.findById(h.enterpriseId()).orElse(null);
        String findingId = origins.findByHazardId(h.id()).map(HazardOrigin::findingId).orElse(null);
        HazardOverdue event = new HazardOverdue(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)), clock.instant(),
                config.source(), key, h.id(), h.enterpriseId(), e == null ? null : e.name(), h.district(), h.town(),
                h.grade().name(), h.category() == null ? null : h.category().name(),
                h.source() == null ? null : h.source().name(), h.description(), findingId, h.deadline(),
                h.deadline().plusDays(1).atStartOfDay(config.zone()).toInstant());
        emitter.sendMessage(Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(h.enterpriseId()).build())).await().atMost(config.registryTopic().timeout());
    }

    private void remember(String key, Hazard h) {
        try {
            announced.insertOne(new Document("_id", key).append("hazardId", h.id()).append("enterpriseId", h.enterpriseId())
                    .append("announcedAt", clock.instant().toString()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Skips the scheduled run when {@code enterprise.hazards-overdue.check-enabled=false}. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {
        private final EnterpriseConfig config;

        public Disabled(EnterpriseConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.hazardsOverdue().checkEnabled();
        }
    }
}
