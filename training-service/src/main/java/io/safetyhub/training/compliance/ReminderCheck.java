package io.safetyhub.training.compliance;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.safetyhub.events.CertificateReminder;
import io.safetyhub.training.certificate.Certificate;
import io.safetyhub.training.certificate.CertificateRepository;
import io.safetyhub.training.common.BusinessDay;
import io.safetyhub.training.config.TrainingConfig;
import io.safetyhub.training.enterprise.RegisteredEnterprise;
import io.safetyhub.training.enterprise.TenantScope;
import io.safetyhub.platform.rest.JobLease;
import io.safetyhub.training.personnel.Person;
import io.safetyhub.training.personnel.PersonRepository;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Raises reminders at the configured thresholds (default 90 and 30 days) before a certificate expires or is
 * due for review, and publishes each once on {@code training.reminders.v1}. Only the most urgent threshold
 * reached is raised: a certificate recorded 20 days before expiry gets the 30-day reminder, not a stale
 * 90-day one. The reminder is stored before it is sent and marked after Kafka acknowledged it, so a crash
 * in between re-sends it (with the same eventId) rather than losing it.
 */
@ApplicationScoped
public class ReminderCheck {
    static final String CHANNEL = "training-reminders";
    /** Name of the scheduled run's lease: one replica at a time raises reminders. */
    public static final String JOB = "certificate-reminders";
    private static final Logger LOG = Logger.getLogger(ReminderCheck.class);

    private final CertificateRepository certificates;
    private final ReminderRepository reminders;
    private final PersonRepository people;
    private final TenantScope scope;
    private final BusinessDay days;
    private final MutinyEmitter<CertificateReminder> emitter;
    private final TrainingConfig config;
    private final Clock clock;
    private final MeterRegistry meters;
    private final JobLease lease;

    public ReminderCheck(CertificateRepository certificates, ReminderRepository reminders, PersonRepository people,
                         TenantScope scope, BusinessDay days,
                         @Channel(CHANNEL) MutinyEmitter<CertificateReminder> emitter, TrainingConfig config, Clock clock,
                         MeterRegistry meters, JobLease lease) {
        this.certificates = certificates;
        this.reminders = reminders;
        this.people = people;
        this.scope = scope;
        this.days = days;
        this.emitter = emitter;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
        this.lease = lease;
    }

    @Scheduled(every = "${training.reminders.check-every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void scheduled() {
        // Every replica schedules the check; the lease lets one of them run it (the others skip this round).
        lease.run(JOB, () -> check(days.today()));
    }

    /** Raises and publishes what is due on {@code today}; returns the reminders published by this call. */
    public synchronized List<Reminder> check(LocalDate today) {
        List<Reminder> published = new ArrayList<>();
        for (Certificate c : certificates.findAll(new Document("revoked", false))) {
            due(c, CertificateReminder.Due.EXPIRY, c.validUntil(), today, published);
            if (c.nextReview() != null) {
                due(c, CertificateReminder.Due.REVIEW, c.nextReview(), today, published);
            }
        }
        return published;
    }

    private void due(Certificate c, CertificateReminder.Due due, LocalDate dueOn, LocalDate today, List<Reminder> out) {
        long daysLeft = ChronoUnit.DAYS.between(today, dueOn);
        Integer threshold = config.reminders().daysBefore().stream().filter(t -> daysLeft >= 0 && daysLeft <= t)
                .min(Integer::compare).orElse(null);
        if (threshold == null) {
            return;
        }
        String id = Reminder.key(c.id(), due, dueOn, threshold);
        Reminder reminder = new Reminder(id, c.id(), c.personId(), c.enterpriseId(), c.kind(), c.number(), due, dueOn,
                threshold, daysLeft, today, clock.instant(), false);
        if (!reminders.insertIfAbsent(reminder)) {
            Reminder stored = reminders.findById(id).orElse(reminder);
            if (stored.published()) {
                return;
            }
            reminder = stored; // stored earlier but not acknowledged: send again
        }
        publish(reminder);
        out.add(reminder);
    }

    private void publish(Reminder r) {
        Person person = people.findById(r.personId()).orElse(null);
        RegisteredEnterprise enterprise = scope.enterprise(r.enterpriseId()).orElse(null);
        CertificateReminder event = new CertificateReminder(UUID.nameUUIDFromBytes(r.id().getBytes(StandardCharsets.UTF_8)),
                clock.instant(), config.source(), r.id(), r.certificateId(), r.kind().name(), r.number(), r.personId(),
                person == null ? null : person.name(), r.enterpriseId(), enterprise == null ? null : enterprise.name(),
                enterprise == null ? null : enterprise.district(), r.due(), r.dueOn(), r.daysBefore(), r.daysLeft());
        emitter.sendMessage(Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(r.certificateId()).build())).await().atMost(config.reminders().publishTimeout());
        reminders.markPublished(r.id());
        meters.counter("safetyhub.training.reminders", "due", r.due().name(), "days_before", Integer.toString(r.daysBefore()))
                .increment();
        LOG.infof("reminder %s published: %s %s of %s on %s", r.id(), r.kind(), r.due(), r.enterpriseId(), r.dueOn());
    }

    /** Skips the scheduled run when {@code training.reminders.check-enabled=false}. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {
        private final TrainingConfig config;

        public Disabled(TrainingConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.reminders().checkEnabled();
        }
    }
}
