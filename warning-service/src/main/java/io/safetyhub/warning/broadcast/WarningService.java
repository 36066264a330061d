package io.safetyhub.warning.broadcast;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.enterprise.EnterpriseDirectory;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.platform.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Warning broadcast: a regulator publishes to every matching enterprise of the enterprise directory,
 * each enterprise confirms receipt, the regulator sees who has not. A district regulator publishes only
 * to its own district; a town (镇街) regulator's warning reaches only the enterprises of its town (found by the
 * access matrix: it had reached the whole district). Warnings are few, so a list is a scan; a warning is read by {@code _id}.
 */
@ApplicationScoped
public class WarningService {
    /** A warning is about a coming event (weather, a holiday period): valid for at most a year, never "forever". */
    static final Duration MAX_VALIDITY = Duration.ofDays(366);

    private final MongoCollection<Document> warnings;
    private final EnterpriseDirectory enterprises;
    private final Clock clock;

    public WarningService(MongoClient mongo, WarningConfig config, EnterpriseDirectory enterprises, Clock clock) {
        this.warnings = mongo.getDatabase(config.database()).getCollection("warnings");
        this.enterprises = enterprises;
        this.clock = clock;
    }

    public WarningView publish(Caller caller, WarningRequest req) {
        if (!caller.regulator()) {
            throw DomainException.forbidden("only regulators publish warnings");
        }
        for (int i = 0; i < req.districts().size(); i++) {
            if (!caller.seesDistrict(req.districts().get(i))) {
                throw DomainException.field("districts[" + i + "]", "you may publish only to " + caller.confinedDistrict());
            }
        }
        Instant now = clock.instant();
        if (!req.validUntil().isAfter(now)) {
            throw DomainException.field("validUntil", "must be in the future");
        }
        if (req.validUntil().isAfter(now.plus(MAX_VALIDITY))) {
            throw DomainException.field("validUntil", "at most " + MAX_VALIDITY.toDays() + " days ahead");
        }
        List<String> sectors = req.sectors() == null ? List.of() : req.sectors();
        List<Document> recipients = enterprises.matching(req.districts(), sectors).stream()
                .filter(e -> caller.sees(e.id(), e.district(), e.town(), null))
                .map(e -> new Document("enterpriseId", e.id()).append("name", e.name()).append("district", e.district())
                        .append("town", e.town()))
                .toList();
        Document doc = new Document("_id", UUID.randomUUID().toString()).append("title", req.title())
                .append("colour", req.colour().name()).append("text", req.text()).append("districts", req.districts())
                .append("sectors", sectors).append("validUntil", Date.from(req.validUntil()))
                .append("publishedBy", caller.subject()).append("publishedAt", Date.from(now))
                .append("district", caller.confinedDistrict()).append("town", caller.confinedTown())
                .append("recipients", recipients);
        warnings.insertOne(doc);
        return view(doc, caller);
    }

    /** Warnings within the caller's scope, newest first. */
    public Page<WarningView> list(Caller caller, PageRequest page) {
        List<Document> visible = new ArrayList<>();
        for (Document d : warnings.find().sort(Sorts.descending("publishedAt"))) {
            if (visible(caller, d)) {
                visible.add(d);
            }
        }
        return Page.slice(visible, page).map(d -> view(d, caller));
    }

    public WarningView get(Caller caller, String id) {
        Document d = warnings.find(Filters.eq("_id", id)).first();
        if (d == null || !visible(caller, d)) {
            throw DomainException.notFound("warning", id);
        }
        return view(d, caller);
    }

    /** An enterprise confirms receipt; a repeat keeps the first confirmation. */
    public WarningView confirm(Caller caller, String id) {
        if (caller.confinedEnterprise() == null) {
            throw DomainException.forbidden("receipt is confirmed by the enterprise addressed");
        }
        get(caller, id);
        // The positional update touches only this enterprise's line, so concurrent confirmations do not collide.
        warnings.updateOne(Filters.and(Filters.eq("_id", id), Filters.elemMatch("recipients", Filters.and(
                        Filters.eq("enterpriseId", caller.confinedEnterprise()), Filters.eq("confirmedAt", null)))),
                Updates.combine(Updates.set("recipients.$.confirmedAt", Date.from(clock.instant())),
                        Updates.set("recipients.$.confirmedBy", caller.subject())));
        return get(caller, id);
    }

    /** An enterprise sees the warnings addressed to it; regulators and operators those of districts they see. */
    private static boolean visible(Caller caller, Document d) {
        if (caller.confinedEnterprise() != null) {
            return recipients(d).stream().anyMatch(r -> caller.confinedEnterprise().equals(r.getString("enterpriseId")));
        }
        return d.getList("districts", String.class).stream().anyMatch(caller::seesDistrict);
    }

    private static List<Document> recipients(Document d) {
        return d.getList("recipients", Document.class, List.of());
    }

    private static WarningView view(Document d, Caller caller) {
        List<WarningView.Recipient> all = recipients(d).stream().map(r -> new WarningView.Recipient(
                r.getString("enterpriseId"), r.getString("name"), r.getString("district"), r.getString("town"),
                r.getDate("confirmedAt") == null ? null : r.getDate("confirmedAt").toInstant(),
                r.getString("confirmedBy"))).toList();
        all = RecipientScope.visibleTo(caller, all);
        List<String> unconfirmed = all.stream().filter(r -> r.confirmedAt() == null)
                .map(WarningView.Recipient::enterpriseId).toList();
        return new WarningView(d.getString("_id"), d.getString("title"), AlarmLevel.valueOf(d.getString("colour")),
                d.getString("text"), d.getList("districts", String.class), d.getList("sectors", String.class),
                d.getDate("validUntil").toInstant(), d.getString("publishedBy"), d.getDate("publishedAt").toInstant(),
                all, unconfirmed);
    }
}
