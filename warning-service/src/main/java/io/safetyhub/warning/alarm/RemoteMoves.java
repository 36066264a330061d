package io.safetyhub.warning.alarm;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.quarkus.scheduler.Scheduled;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import java.util.function.Function;

/**
 * Lifecycle actions (acknowledge, close) on an alarm another replica owns, handed to that owner through MongoDB
 * ({@code alarm_moves}): only the owner changes an alarm it holds in memory, so its write-behind never overwrites a
 * move made elsewhere, and every move of one alarm goes through the same state machine in order. The replica that got
 * the REST call checked the caller's scope, records the request and waits (at most {@link #ANSWER_WITHIN}) until the
 * owner, which looks for requests of its partitions every second, has applied it (stored and on Kafka, as a local
 * move) or refused it (409); then it answers with the stored alarm. No owner within that time (its partitions are
 * moving, every replica is starting) is 503 {@code OWNER_UNAVAILABLE}: the request is withdrawn, unless the owner took
 * it meanwhile, in which case the move stands and a retry answers 409.
 */
@ApplicationScoped
public class RemoteMoves {
    private static final Logger LOG = Logger.getLogger(RemoteMoves.class);
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration ABANDONED = Duration.ofMinutes(5);

    /** What the owner applies: the alarm id, the action, note, cause and who asked. */
    public record Move(String alarmId, AlarmStateMachine.Action action, String note, String cause, String by) {
    }

    private final MongoCollection<Document> requests;
    private final Ownership ownership;
    private final Clock clock;
    private final Duration answerWithin;
    private volatile Function<Move, Alarm> owner;

    @Inject
    public RemoteMoves(MongoClient mongo, WarningConfig config, Ownership ownership, Clock clock) {
        this(mongo.getDatabase(config.database()).getCollection("alarm_moves"), ownership, clock, ANSWER_WITHIN);
    }

    RemoteMoves(MongoCollection<Document> requests, Ownership ownership, Clock clock, Duration answerWithin) {
        this.requests = requests;
        this.ownership = ownership;
        this.clock = clock;
        this.answerWithin = answerWithin;
    }

    /** The owner's side: applies a move of an owned alarm (the lifecycle service registers itself). */
    void serveWith(Function<Move, Alarm> apply) {
        this.owner = apply;
    }

    /** Hands the move to the alarm's owner and waits for its outcome; throws its refusal. */
    void request(Alarm alarm, Move move) {
        String id = UUID.randomUUID().toString();
        requests.insertOne(new Document("_id", id).append("key", Ownership.keyOf(alarm)).append("alarmId", move.alarmId())
                .append("action", move.action().name()).append("note", move.note()).append("cause", move.cause())
                .append("by", move.by()).append("at", Date.from(clock.instant())).append("done", false));
        long deadline = System.nanoTime() + answerWithin.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Document d = requests.find(Filters.eq("_id", id)).first();
                if (d != null && d.getBoolean("done", false)) {
                    answered(d);
                    return;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (requests.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("done", false))).getDeletedCount() == 0) {
            Document d = requests.find(Filters.eq("_id", id)).first();
            if (d != null) {
                answered(d); // the owner answered at the last moment: its outcome (applied or refused) stands
            }
            return;
        }
        throw new DomainException(503, "OWNER_UNAVAILABLE", "the replica owning alarm " + move.alarmId()
                + " did not answer within " + answerWithin.toMillis() + " ms (its partition is moving); retry");
    }

    /** Removes an answered request; throws the owner's refusal if it refused. */
    private void answered(Document d) {
        requests.deleteOne(Filters.eq("_id", d.getString("_id")));
        if (d.getString("error") != null) {
            throw new DomainException(d.getInteger("status", 409), d.getString("error"), d.getString("detail"));
        }
    }

    /** The owner's side: applies the pending requests of the alarms this replica owns. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void serve() {
        Function<Move, Alarm> apply = owner;
        if (apply == null || (ownership.owned().isEmpty() && !ownership.ownsEverything())) {
            return;
        }
        for (Document d : requests.find(Filters.eq("done", false))) {
            if (!ownership.owns(d.getString("key"))) {
                continue;
            }
            String id = d.getString("_id");
            Document outcome = new Document("done", true);
            try {
                apply.apply(new Move(d.getString("alarmId"), AlarmStateMachine.Action.valueOf(d.getString("action")),
                        d.getString("note"), d.getString("cause"), d.getString("by")));
            } catch (DomainException e) {
                outcome.append("error", e.code()).append("status", e.status()).append("detail", e.getMessage());
            } catch (RuntimeException e) {
                LOG.errorf(e, "move %s of alarm %s could not be applied", d.getString("action"), d.getString("alarmId"));
                outcome.append("error", "MOVE_FAILED").append("status", 503).append("detail", "the move could not be"
                        + " applied by the alarm's owner: " + e.getMessage());
            }
            // Only a request still waiting: the asker may have withdrawn it meanwhile (then the move stands).
            requests.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("done", false)), new Document("$set", outcome));
        }
        requests.deleteMany(Filters.lt("at", Date.from(clock.instant().minus(ABANDONED))));
    }
}
