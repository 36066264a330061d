package io.safetyhub.enforcement.report;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.safetyhub.enforcement.common.Today;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.LocalDate;

/**
 * Daily limits on filing (collection {@code report_quota}, one counter per client and day and one for the whole
 * service, shared by every replica): a client over {@code per-client-per-day} or the service over {@code per-day}
 * gets 429. The client is kept only as a hash of its address salted with the day, and every counter is removed two
 * days later (TTL index): the collection is no lasting list of who reported.
 * The gateway's own per-address rate limit on {@code /api/public/reports} stops bursts before they reach here.
 */
@ApplicationScoped
public class ReportQuota {
    private final MongoCollection<Document> counters;
    private final EnforcementConfig config;
    private final Today today;

    public ReportQuota(
            MongoClient mongo,
            EnforcementConfig config,
            Today today) {
        this.counters = mongo.getDatabase(config.database()).getCollection("report_quota");
        this.config = config;
        this.today = today;
        counters.createIndex(com.mongodb.client.model.Indexes.ascending("expireAt"),
                new com.mongodb.client.model.IndexOptions().expireAfter(0L, java.util.concurrent.TimeUnit.SECONDS));
    }

    /** Counts one filing by {@code client}, refusing it with 429 when a limit is reached. */
    public void take(String client) {
        LocalDate day = today.date();
        if (count("client:" + hash(client, day) + ":" + day, day) > config.reports().perClientPerDay()) {
            throw new DomainException(429, "REPORT_LIMIT", "at most " + config.reports().perClientPerDay()
                    + " reports a day from one client; call 12350 for more", java.util.List.of());
        }
        if (count("all:" + day, day) > config.reports().perDay()) {
            throw new DomainException(429, "REPORT_LIMIT", "the service takes no more reports online today; call 12350",
                    java.util.List.of());
        }
    }

    private long count(String key, LocalDate day) {
        Document after = counters.findOneAndUpdate(Filters.eq("_id", key),
                Updates.combine(Updates.inc("n", 1), Updates.setOnInsert("day", day.toString()),
                        Updates.setOnInsert("expireAt", java.util.Date.from(today.now().plus(java.time.Duration.ofDays(2))))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return after == null ? 1 : ((Number) after.get("n")).longValue();
    }

    /** Salted with the day, so that one client's counters of different days do not share a key. */
    private static String hash(String client, LocalDate day) {
        return Sha256.hex(day + "|" + client);
    }
}
