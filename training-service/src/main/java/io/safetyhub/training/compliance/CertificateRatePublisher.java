package io.safetyhub.training.compliance;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.scheduler.Scheduled;
import io.safetyhub.events.CertificateRateChanged;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.JobLease;
import io.safetyhub.training.common.DocumentCodec;
import io.safetyhub.training.config.TrainingConfig;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes each enterprise's certificate rate of the three posts on {@code training.certificate-rates.v1}
 * (compacted, key enterpriseId) when it changes: the rates are recomputed, compared with the last one sent
 * ({@code certificate_rates}) and only the changed ones go out. An enterprise whose three-post people all left is
 * sent as 0 of 0 (rate null), not forgotten, so the consumer's last rate does not linger.
 */
@ApplicationScoped
public class CertificateRatePublisher {
    static final String CHANNEL = "training-certificate-rates";
    /** Name of the scheduled run's lease: one replica at a time publishes. */
    public static final String JOB = "certificate-rates";
    private static final Logger LOG = Logger.getLogger(CertificateRatePublisher.class);
    /** Everything in the city: the rates are computed for every enterprise, not a caller's scope. */
    private static final Caller SYSTEM = new Caller(JOB, false, false, true, null, null, null, null);

    private final ComplianceService compliance;
    private final MongoCollection<Document> published;
    private final DocumentCodec codec;
    private final MutinyEmitter<CertificateRateChanged> emitter;
    private final TrainingConfig config;
    private final Clock clock;
    private final JobLease lease;

    public CertificateRatePublisher(ComplianceService compliance, MongoClient mongo, DocumentCodec codec,
                                    @Channel(CHANNEL) MutinyEmitter<CertificateRateChanged> emitter, TrainingConfig config,
                                    Clock clock, JobLease lease) {
        this.compliance = compliance;
        this.published = mongo.getDatabase(config.database()).getCollection("certificate_rates");
        this.codec = codec;
        this.emitter = emitter;
        this.config = config;
        this.clock = clock;
        this.lease = lease;
    }

    @Scheduled(every = "${training.certificate-rates.publish-every:15m}", delayed = "45s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void scheduled() {
        lease.run(JOB, this::publishChanges);
    }

    /** Sends every rate that differs from the last one sent (or was not acknowledged); returns what it sent. */
    public synchronized List<CertificateRateChanged> publishChanges() {
        Map<String, PublishedRate> last = new HashMap<>();
        published.find().forEach(d -> {
            PublishedRate r = codec.fromDocument(d, PublishedRate.class);
            last.put(r.id(), r);
        });
        Map<String, CertificateRate> current = new HashMap<>();
        compliance.byEnterprise(SYSTEM).forEach(r -> current.put(r.key(), r));
        last.keySet().stream().filter(id -> !current.containsKey(id))
                .forEach(id -> current.put(id, CertificateRate.of(id, null, null, 0, 0)));
        List<CertificateRateChanged> sent = new ArrayList<>();
        current.values().stream().sorted(java.util.Comparator.comparing(CertificateRate::key)).forEach(rate -> {
            PublishedRate before = last.get(rate.key());
            PublishedRate next = before;
            if (before == null || !before.sameCount(rate)) {
                next = new PublishedRate(rate.key(), rate.certified(), rate.required(), rate.rate(), clock.instant(), false);
                published.replaceOne(Filters.eq("_id", next.id()), codec.toDocument(next), new ReplaceOptions().upsert(true));
            }
            if (!next.published()) {
                sent.add(send(next, rate));
            }
        });
        return sent;
    }

    private CertificateRateChanged send(PublishedRate r, CertificateRate rate) {
        // The same rate sent again (not acknowledged the first time) keeps its eventId.
        UUID eventId = UUID.nameUUIDFromBytes((r.id() + "|" + r.asOf()).getBytes(StandardCharsets.UTF_8));
        CertificateRateChanged event = new CertificateRateChanged(eventId, clock.instant(), config.source(), r.id(),
                rate.name(), rate.district(), r.held(), r.required(), r.rate(), r.asOf());
        emitter.sendMessage(Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(r.id()).build())).await().atMost(config.certificateRates().publishTimeout());
        published.updateOne(Filters.eq("_id", r.id()), Updates.set("published", true));
        LOG.infof("certificate rate of %s published: %d/%d (%s %%)", r.id(), r.held(), r.required(), r.rate());
        return event;
    }

    /** Skips the scheduled run when {@code training.certificate-rates.publish-enabled=false}. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {
        private final TrainingConfig config;

        public Disabled(TrainingConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.certificateRates().publishEnabled();
        }
    }
}
