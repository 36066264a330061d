package io.safetyhub.warning.delivery;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.safetyhub.warning.config.WarningConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code notification_deliveries} in MongoDB: one document per notice and target, replaced after each attempt. Writes
 * go through one thread of their own with a bounded queue, so neither a channel's worker nor (for a dropped notice)
 * the alarm path waits for MongoDB; when MongoDB is away and the queue is full a record is lost and logged, the
 * notice itself is unaffected. Records expire after {@code warning.notifications.delivery-retention}.
 */
@ApplicationScoped
public class MongoDeliveryLog implements DeliveryLog {
    private static final Logger LOG = Logger.getLogger(MongoDeliveryLog.class);
    private static final int QUEUE = 10_000;

    private final MongoCollection<Document> deliveries;
    private final WarningConfig config;
    private final AtomicBoolean indexed = new AtomicBoolean();
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), r -> {
                Thread t = new Thread(r, "delivery-log");
                t.setDaemon(true);
                return t;
            }, (r, pool) -> LOG.warnf("delivery log: %d records waiting for MongoDB; one record not stored", QUEUE));

    public MongoDeliveryLog(MongoClient mongo, WarningConfig config) {
        this.deliveries = mongo.getDatabase(config.database()).getCollection("notification_deliveries");
        this.config = config;
    }

    @Override
    public void record(Delivery d) {
        writer.execute(() -> write(d));
    }

    private void write(Delivery d) {
        try {
            ensureIndexes();
            deliveries.replaceOne(Filters.eq("_id", d.id()), toDocument(d), new ReplaceOptions().upsert(true));
        } catch (RuntimeException e) {
            LOG.warnf("delivery of %s of alarm %s on %s not recorded (MongoDB: %s)", d.change(), d.alarmId(),
                    d.channel(), e.getMessage());
        }
    }

    private void ensureIndexes() {
        if (indexed.compareAndSet(false, true)) {
            deliveries.createIndex(Indexes.ascending("alarmId", "changeAt"));
            deliveries.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        }
    }

    @Override
    public List<Delivery> forAlarm(String alarmId) {
        List<Delivery> out = new ArrayList<>();
        for (Document d : deliveries.find(Filters.eq("alarmId", alarmId))
                .sort(Sorts.ascending("changeAt", "channel", "target"))) {
            out.add(fromDocument(d));
        }
        return out;
    }

    private Document toDocument(Delivery d) {
        Instant expires = d.lastAttemptAt().plus(config.notifications().deliveryRetention());
        return new Document("_id", d.id()).append("alarmId", d.alarmId()).append("change", d.change())
                .append("changeAt", Date.from(d.changeAt())).append("channel", d.channel())
                .append("target", d.target()).append("audience", d.audience()).append("recipients", d.recipients())
                .append("status", d.status().name()).append("retrying", d.retrying())
                .append("attempts", d.attempts()).append("lastError", d.lastError())
                .append("firstAttemptAt", Date.from(d.firstAttemptAt()))
                .append("lastAttemptAt", Date.from(d.lastAttemptAt())).append("expiresAt", Date.from(expires));
    }

    private static Delivery fromDocument(Document d) {
        return new Delivery(d.getString("alarmId"), d.getString("change"), d.getDate("changeAt").toInstant(),
                d.getString("channel"), d.getString("target"), d.getString("audience"),
                d.getList("recipients", String.class), Delivery.Status.valueOf(d.getString("status")),
                d.getBoolean("retrying", false), d.getInteger("attempts", 0), d.getString("lastError"),
                d.getDate("firstAttemptAt").toInstant(), d.getDate("lastAttemptAt").toInstant());
    }

    @PreDestroy
    void stop() {
        writer.shutdown();
    }
}
