package io.safetyhub.warning.alarm;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.Sorts;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Alarms in MongoDB, mapped by hand so that the stored shape is explicit and stable. */
@ApplicationScoped
public class MongoAlarmRepository implements AlarmRepository {
    /** Changes of the alarm stored but not yet acknowledged by Kafka: the outbox that survives a crash. */
    static final String UNPUBLISHED = "unpublished";

    /** The partition of the readings topic the alarm belongs to, and the partition count it was computed for. */
    static final String PARTITION = "partition";
    static final String PARTITIONS = "partitions";

    /** Documents per round trip when alarms are streamed: a few hundred kilobytes on the heap at a time. */
    private static final int STREAM_BATCH = 500;

    private final MongoCollection<Document> alarms;
    private final Ownership ownership;

    public MongoAlarmRepository(MongoClient mongo, WarningConfig config, Ownership ownership) {
        this.ownership = ownership;
        this.alarms = mongo.getDatabase(config.database()).getCollection("alarms");
        // Ignored by the embedded server, used by real MongoDB for the start-up load and the lists.
        alarms.createIndex(Indexes.ascending("status"));
        alarms.createIndex(Indexes.ascending(PARTITIONS, PARTITION));
        alarms.createIndex(Indexes.compoundIndex(Indexes.ascending("enterpriseId"), Indexes.descending("raisedAt")),
                new IndexOptions().name("enterprise_recent"));
    }

    @Override
    public List<Alarm> findAll() {
        return alarms.find().map(MongoAlarmRepository::fromDocument).into(new ArrayList<>());
    }

    @Override
    public List<Alarm> findHeld(Set<Integer> partitions, int count, Set<AlarmLevel> stillEscalating) {
        Bson held = Filters.or(
                Filters.in("status", AlarmEvent.Status.ACTIVE.name(), AlarmEvent.Status.ACKNOWLEDGED.name()),
                Filters.and(Filters.eq("status", AlarmEvent.Status.CLEARED_UNACKNOWLEDGED.name()),
                        Filters.lt("escalationStage", Escalation.LAST_STAGE),
                        Filters.in("level", stillEscalating.stream().map(AlarmLevel::name).toList()),
                        Filters.ne("suppressed", true)));
        return alarms.find(Filters.and(held, inPartitions(partitions, count)))
                .map(MongoAlarmRepository::fromDocument).into(new ArrayList<>());
    }

    /**
     * One {@code $group} per device+rule over the partitions' alarms: the server reads them, this service receives a
     * few fields per slot rather than every alarm document (the history grows for ever, the slots do not).
     */
    @Override
    public List<SlotMark> slotMarks(Set<Integer> partitions, int count) {
        List<Bson> pipeline = List.of(Aggregates.match(inPartitions(partitions, count)),
                Aggregates.group(new Document("d", "$deviceId").append("r", "$ruleId"),
                        Accumulators.max("raised", "$raisedAt"), Accumulators.max("reading", "$lastReadingAt"),
                        Accumulators.first("kind", "$kind"), Accumulators.first("enterprise", "$enterpriseId")));
        List<SlotMark> out = new ArrayList<>();
        for (Document g : alarms.aggregate(pipeline)) {
            Document key = g.get("_id", Document.class);
            String device = key.getString("d");
            Date raised = g.getDate("raised");
            Date reading = g.getDate("reading");
            boolean deviceless = Ownership.deviceless(AlarmEvent.Kind.valueOf(g.getString("kind")));
            out.add(new SlotMark(device + "|" + key.getString("r"), deviceless ? g.getString("enterprise") : device,
                    raised.toInstant(), reading == null ? raised.toInstant() : reading.toInstant()));
        }
        return out;
    }

    @Override
    public List<Alarm> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return alarms.find(Filters.in("_id", ids)).map(MongoAlarmRepository::fromDocument).into(new ArrayList<>());
    }

    /**
     * The alarms stored with one of these partitions for this partition count, and those stored before the partition
     * was recorded or for another count (the topic grew): the caller computes theirs. Everything when {@code count <= 0}.
     */
    private static Bson inPartitions(Set<Integer> partitions, int count) {
        if (count <= 0) {
            return Filters.empty();
        }
        return Filters.or(Filters.and(Filters.eq(PARTITIONS, count), Filters.in(PARTITION, partitions)),
                Filters.ne(PARTITIONS, count));
    }

    @Override
    public Optional<Alarm> findById(String id) {
        return Optional.ofNullable(alarms.find(Filters.eq("_id", id)).first()).map(MongoAlarmRepository::fromDocument);
    }

    @Override
    public boolean insert(Alarm alarm, List<String> unpublished) {
        try {
            alarms.insertOne(withPartition(toDocument(alarm), alarm).append(UNPUBLISHED, unpublished));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void replace(Alarm alarm, List<String> unpublished) {
        alarms.replaceOne(Filters.eq("_id", alarm.id()),
                withPartition(toDocument(alarm), alarm).append(UNPUBLISHED, unpublished),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public void setUnpublished(Map<String, List<String>> byAlarm) {
        if (byAlarm.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        byAlarm.forEach((id, left) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", id),
                Updates.set(UNPUBLISHED, left))));
        alarms.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    @Override
    public Map<String, List<String>> findUnpublished() {
        Map<String, List<String>> out = new HashMap<>();
        // Non-empty lists are picked here rather than with "unpublished.0": plain $exists works on every server.
        for (Document d : alarms.find(Filters.exists(UNPUBLISHED)).projection(Projections.include(UNPUBLISHED))) {
            List<String> left = d.getList(UNPUBLISHED, String.class, List.of());
            if (!left.isEmpty()) {
                out.put(d.getString("_id"), left);
            }
        }
        return out;
    }

    @Override
    public List<Alarm> page(AlarmFilter filter, PageRequest page) {
        return alarms.find(bson(filter)).sort(Sorts.descending("raisedAt")).skip(page.skip()).limit(page.size())
                .map(MongoAlarmRepository::fromDocument).into(new ArrayList<>());
    }

    @Override
    public void forEach(AlarmFilter filter, Consumer<Alarm> action) {
        alarms.find(bson(filter)).batchSize(STREAM_BATCH).forEach(d -> action.accept(fromDocument(d)));
    }

    @Override
    public long count(AlarmFilter filter) {
        return alarms.countDocuments(bson(filter));
    }

    @Override
    public void deleteAll() {
        alarms.deleteMany(new Document());
    }

    private Document withPartition(Document d, Alarm alarm) {
        int count = ownership.partitions();
        return count <= 0 ? d : d.append(PARTITION, KeyPartition.of(Ownership.keyOf(alarm), count))
                .append(PARTITIONS, count);
    }

    /** {@link AlarmFilter#test} as a MongoDB query. */
    static Bson bson(AlarmFilter filter) {
        List<Bson> and = new ArrayList<>();
        if (!filter.reach().everyEnterprise()) {
            Set<String> ids = filter.reach().ids();
            and.add(ids.size() == 1 ? Filters.eq("enterpriseId", ids.iterator().next())
                    : Filters.in("enterpriseId", ids));
        }
        if (filter.status() != null) {
            and.add(Filters.eq("status", filter.status().name()));
        }
        if (filter.level() != null) {
            and.add(Filters.eq("level", filter.level().name()));
        }
        if (filter.enterpriseId() != null) {
            and.add(Filters.eq("enterpriseId", filter.enterpriseId()));
        }
        return and.isEmpty() ? Filters.empty() : Filters.and(and);
    }

    static Document toDocument(Alarm a) {
        List<Document> trail = a.trail().stream().map(t -> new Document("action", t.action())
                .append("from", t.from() == null ? null : t.from().name()).append("to", t.to().name())
                .append("by", t.by()).append("at", Date.from(t.at())).append("note", t.note())).toList();
        return new Document("_id", a.id())
                .append("deviceId", a.deviceId())
                .append("deviceKind", a.deviceKind())
                .append("enterpriseId", a.enterpriseId())
                .append("hazardSourceId", a.hazardSourceId())
                .append("ruleId", a.ruleId())
                .append("metric", a.metric())
                .append("kind", a.kind().name())
                .append("level", a.level().name())
                .append("status", a.status().name())
                .append("value", a.value())
                .append("peakValue", a.peakValue())
                .append("unit", a.unit())
                .append("threshold", a.threshold())
                .append("raisedAt", Date.from(a.raisedAt()))
                .append("updatedAt", Date.from(a.updatedAt()))
                .append("lastReadingAt", Date.from(a.lastReadingAt()))
                .append("triggerKey", a.triggerKey())
                .append("message", a.message())
                .append("suppressed", a.suppressed())
                .append("escalationStage", a.escalationStage())
                .append("lastNotifiedAt", Date.from(a.lastNotifiedAt()))
                .append("closeCause", a.closeCause())
                .append("trail", trail);
    }

    static Alarm fromDocument(Document d) {
        List<Alarm.Transition> trail = d.getList("trail", Document.class, List.of()).stream()
                .map(t -> new Alarm.Transition(t.getString("action"),
                        t.getString("from") == null ? null : AlarmEvent.Status.valueOf(t.getString("from")),
                        AlarmEvent.Status.valueOf(t.getString("to")), t.getString("by"), t.getDate("at").toInstant(),
                        t.getString("note"))).toList();
        Instant raisedAt = d.getDate("raisedAt").toInstant();
        return new Alarm(d.getString("_id"), d.getString("deviceId"), d.getString("deviceKind"),
                d.getString("enterpriseId"), d.getString("hazardSourceId"), d.getString("ruleId"),
                d.getString("metric"), AlarmEvent.Kind.valueOf(d.getString("kind")),
                AlarmLevel.valueOf(d.getString("level")), AlarmEvent.Status.valueOf(d.getString("status")),
                d.getDouble("value"), d.getDouble("peakValue"), d.getString("unit"), d.getDouble("threshold"),
                raisedAt, d.getDate("updatedAt").toInstant(), date(d, "lastReadingAt", raisedAt),
                d.getString("triggerKey"), d.getString("message"), d.getBoolean("suppressed", false),
                d.getInteger("escalationStage", 0), date(d, "lastNotifiedAt", raisedAt), d.getString("closeCause"),
                trail);
    }

    private static Instant date(Document d, String field, Instant fallback) {
        Date v = d.getDate(field);
        return v == null ? fallback : v.toInstant();
    }
}
