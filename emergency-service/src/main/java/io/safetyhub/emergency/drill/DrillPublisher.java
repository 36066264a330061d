package io.safetyhub.emergency.drill;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.quarkus.scheduler.Scheduled;
import io.safetyhub.emergency.common.Stored;
import io.safetyhub.emergency.common.Today;
import io.safetyhub.emergency.config.EmergencyConfig;
import io.safetyhub.emergency.enterprise.EnterpriseDirectory;
import io.safetyhub.emergency.enterprise.KnownEnterprise;
import io.safetyhub.events.DrillHeld;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Sends an enterprise's drill to {@code emergency.drills.v1} (key enterpriseId) when it is held and when it is evaluated,
 * for enforcement-service's credit score (第三十三条). The event is stored first ({@code drill_events}, one per drill and
 * step) and marked published on Kafka's acknowledgement; what was not acknowledged is sent again by {@link #resend()}
 * with the same eventId. A district's own drills (no enterprise) are not sent: they count for nobody's credit.
 */
@ApplicationScoped
public class DrillPublisher {
    private static final Logger LOG = Logger.getLogger(DrillPublisher.class);

    /** One step of one drill waiting for, or past, Kafka's acknowledgement. */
    public record Pending(String id, DrillHeld event, boolean published) {
    }

    private final Emitter<Record<String, DrillHeld>> emitter;
    private final MongoCollection<Document> outbox;
    private final EnterpriseDirectory directory;
    private final Today today;
    private final String source;
    private final Duration timeout;

    public DrillPublisher(@Channel("emergency-drills") Emitter<Record<String, DrillHeld>> emitter, MongoClient mongo,
                          EnterpriseDirectory directory, Today today, EmergencyConfig config) {
        this.emitter = emitter;
        this.outbox = mongo.getDatabase(config.database()).getCollection("drill_events");
        this.directory = directory;
        this.today = today;
        this.source = config.source();
        this.timeout = config.drills().publishTimeout();
    }

    /** Stores and sends the drill's current step; false (left to the resend job) when Kafka does not acknowledge in time. */
    public boolean publish(Drill d) {
        if (d.enterpriseId() == null || d.heldOn() == null) {
            return false;
        }
        DrillHeld.Status status = d.status() == DrillStatus.EVALUATED ? DrillHeld.Status.EVALUATED : DrillHeld.Status.HELD;
        String id = d.id() + "|" + status;
        DrillHeld event = new DrillHeld(UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)), today.now(), source,
                d.id(), d.enterpriseId(), directory.byId(d.enterpriseId()).map(KnownEnterprise::name).orElse(null),
                d.district(), d.town(), d.title(), d.scope() == null ? null : d.scope().name(),
                d.form() == null ? null : d.form().name(), status, d.heldOn(),
                d.evaluation() == null ? null : d.evaluation().evaluatedOn());
        Pending pending = new Pending(id, event, false);
        outbox.replaceOne(Filters.eq("_id", id), Stored.document(pending), new ReplaceOptions().upsert(true));
        return send(pending);
    }

    @Scheduled(every = "${emergency.drills.resend-every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resend() {
        List<Pending> unsent = new ArrayList<>();
        outbox.find(Filters.eq("published", false)).forEach(doc -> unsent.add(Stored.record(doc, Pending.class)));
        unsent.forEach(this::send);
    }

    private boolean send(Pending p) {
        try {
            emitter.send(Record.of(p.event().enterpriseId(), p.event())).toCompletableFuture()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            outbox.updateOne(Filters.eq("_id", p.id()), new Document("$set", new Document("published", true)));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warnf("drill event %s not acknowledged by Kafka (%s); it will be sent again", p.id(), e.getMessage());
            return false;
        }
    }
}
