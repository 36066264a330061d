package io.safetyhub.enforcement.posting;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.safetyhub.enforcement.audit.AuditLog;
import io.safetyhub.enforcement.common.Scope;
import io.safetyhub.enforcement.common.Stored;
import io.safetyhub.enforcement.common.Today;
import io.safetyhub.enforcement.common.WorkingDays;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.enforcement.penalty.PenaltyCase;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.Masks;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Public postings of decisions (执法公示), kept in {@code postings}, {@code _id} = {@code po-<caseId>}. */
@ApplicationScoped
public class PostingService {
    private final MongoCollection<Document> postings;
    private final Stored stored;
    private final WorkingDays workingDays;
    private final EnforcementConfig config;
    private final AuditLog audit;
    private final Today today;

    public PostingService(
            MongoClient mongo,
            Stored stored,
            EnforcementConfig config,
            AuditLog audit,
            Today today) {
        this.postings = mongo.getDatabase(config.database()).getCollection("postings");
        this.stored = stored;
        this.workingDays = new WorkingDays(Set.copyOf(config.posting().holidays().orElse(List.of())),
                Set.copyOf(config.posting().makeUpWorkdays().orElse(List.of())));
        this.config = config;
        this.audit = audit;
        this.today = today;
    }

    /** Prepares the posting of a decided case, due within the configured working days. Safe to call twice. */
    public Posting schedule(Caller caller, PenaltyCase c) {
        PenaltyCase.Decision d = c.decision();
        Posting p = new Posting("po-" + c.id(), c.id(), c.enterpriseId(), c.enterpriseName(), c.district(), c.town(),
                d.number(), c.violation().title(), c.violation().article(), PostingText.mask(c.facts(), c.party()),
                Masks.name(c.party()), d.amount(), d.decidedOn(), workingDays.after(d.decidedOn(), config.posting().workingDays()),
                Posting.Status.PENDING, null, null, null);
        try {
            postings.insertOne(stored.write(p));
            audit.record(caller, subject(p), "PREPARED", null, p.status().name(), "due by " + p.dueBy());
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return p;
    }

    public Posting publish(Caller caller, String id) {
        Scope.requireRegulator(caller);
        Posting p = get(caller, id);
        if (!move(id, Posting.Status.PENDING, Posting.Status.POSTED, new Document("postedOn", today.date().toString()))) {
            throw DomainException.conflict("NOT_PENDING", "posting " + id + " is " + p.status());
        }
        audit.record(caller, subject(p), "POSTED", Posting.Status.PENDING.name(), Posting.Status.POSTED.name(), null);
        return get(caller, id);
    }

    /** Publishes every pending posting whose last day has come; returns how many. Idempotent. */
    public int publishDue(Caller system, LocalDate day) {
        int posted = 0;
        for (Document d : postings.find(Filters.and(Filters.eq("status", Posting.Status.PENDING.name()),
                Filters.lte("dueBy", day.toString())))) {
            Posting p = stored.read(d, Posting.class);
            if (move(p.id(), Posting.Status.PENDING, Posting.Status.POSTED, new Document("postedOn", day.toString()))) {
                audit.record(system, subject(p), "POSTED", Posting.Status.PENDING.name(), Posting.Status.POSTED.name(),
                        "last working day for posting reached");
                posted++;
            }
        }
        return posted;
    }

    /** Takes the posting of a revoked decision off the public view. */
    public void withdraw(Caller caller, String caseId, String reason) {
        String id = "po-" + caseId;
        Document set = new Document("withdrawReason", reason).append("withdrawnOn", today.date().toString());
        for (Posting.Status from : List.of(Posting.Status.POSTED, Posting.Status.PENDING)) {
            if (move(id, from, Posting.Status.WITHDRAWN, set)) {
                byId(id).ifPresent(p -> audit.record(caller, subject(p), "WITHDRAWN", from.name(),
                        Posting.Status.WITHDRAWN.name(), reason));
                return;
            }
        }
    }

    public Posting get(Caller caller, String id) {
        Posting p = byId(id).orElseThrow(() -> DomainException.notFound("posting", id));
        Scope.requireVisible(caller, p.enterpriseId(), p.district(), p.town(), "posting", id);
        return p;
    }

    public Optional<Posting> byId(String id) {
        return Optional.ofNullable(postings.find(Filters.eq("_id", id)).first()).map(d -> stored.read(d, Posting.class));
    }

    public List<Posting> find(Bson filter, PageRequest page) {
        List<Posting> out = new ArrayList<>();
        postings.find(filter).sort(Sorts.descending("decidedOn", "_id")).skip(page.skip()).limit(page.size())
                .forEach(d -> out.add(stored.read(d, Posting.class)));
        return out;
    }

    public long count(Bson filter) {
        return postings.countDocuments(filter);
    }

    private boolean move(String id, Posting.Status from, Posting.Status to, Document set) {
        return postings.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", from.name())),
                new Document("$set", new Document(set).append("status", to.name()))).getModifiedCount() == 1;
    }

    private static AuditLog.Subject subject(Posting p) {
        return AuditLog.Subject.of("POSTING", p.id(), p.enterpriseId(), p.district(), p.town(), p.caseId());
    }
}
