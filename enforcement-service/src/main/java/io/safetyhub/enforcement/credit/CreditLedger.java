package io.safetyhub.enforcement.credit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.safetyhub.enforcement.common.Stored;
import io.safetyhub.enforcement.common.Today;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.enforcement.roster.RosterEnterprise;
import io.safetyhub.enforcement.roster.RosterRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The credit ledger: every event is entered once ({@code credit_entries}), the standing is recomputed from the whole
 * ledger by {@link CreditFormula} and {@link SeriousDishonesty} ({@code credit_standings}), and a change of score,
 * grade or listing is kept with its cause ({@code credit_history}).
 */
@ApplicationScoped
public class CreditLedger {
    private static final Logger LOG = Logger.getLogger(CreditLedger.class);

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> standings;
    private final MongoCollection<Document> history;
    private final RosterRepository roster;
    private final EnforcementConfig config;
    private final Stored stored;
    private final Today today;

    public CreditLedger(
            MongoClient mongo,
            RosterRepository roster,
            EnforcementConfig config,
            Stored stored,
            Today today) {
        MongoDatabase db = mongo.getDatabase(config.database());
        this.entries = db.getCollection("credit_entries");
        this.standings = db.getCollection("credit_standings");
        this.history = db.getCollection("credit_history");
        this.roster = roster;
        this.config = config;
        this.stored = stored;
        this.today = today;
        entries.createIndex(Indexes.ascending("enterpriseId", "at"));
        history.createIndex(Indexes.ascending("enterpriseId", "at"));
        standings.createIndex(Indexes.ascending("district", "grade"));
    }

    /**
     * Enters one event (once: the same {@code key} again changes nothing) and recomputes the enterprise's standing.
     *
     * @return whether it was new
     */
    public boolean enter(String key, String enterpriseId, CreditCause cause, long fine, Instant at, String note) {
        if (enterpriseId == null) {
            return false;
        }
        int points = CreditFormula.points(cause, fine, config.credit().weights());
        CreditEntry entry = new CreditEntry(key, enterpriseId, cause, key, fine, points, at, note);
        try {
            entries.insertOne(stored.write(entry));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        recompute(enterpriseId, entry);
        return true;
    }

    /**
     * Enters a state that replaces the enterprise's previous one under the same {@code key} (the certificate rate):
     * only a later {@code at} replaces it, so a replay or an older record changes nothing. The conditional upsert is one
     * atomic write: with an entry as late or later, the filter misses and the insert hits the key (duplicate, ignored).
     *
     * @return whether it replaced (or was the first)
     */
    public boolean replace(String key, String enterpriseId, CreditCause cause, int points, Instant at, String note) {
        if (enterpriseId == null || at == null) {
            return false;
        }
        CreditEntry entry = new CreditEntry(key, enterpriseId, cause, key, 0, points, at, note);
        // Ordered by a number: ISO strings of instants do not sort when their fractions differ in length.
        Document doc = stored.write(entry).append("atMillis", at.toEpochMilli());
        try {
            entries.replaceOne(Filters.and(Filters.eq("_id", key), Filters.lt("atMillis", at.toEpochMilli())), doc,
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        recompute(enterpriseId, entry);
        return true;
    }

    /**
     * Recomputes one enterprise's standing from its whole ledger and keeps the change, if any, with its cause.
     * Synchronised so that two events of one replica do not both read the same "before"; the standing itself is
     * always a function of the ledger, so a race between replicas settles at the next event.
     */
    synchronized void recompute(String enterpriseId, CreditEntry cause) {
        Instant now = today.now();
        List<CreditEntry> ledger = ledgerOf(enterpriseId);
        int score = CreditFormula.score(ledger.stream().map(e -> new CreditFormula.Entry(e.cause(), e.points(), e.at())).toList(),
                now, config.credit());
        Set<String> revoked = ledger.stream().filter(e -> e.cause() == CreditCause.PENALTY_REVOKED)
                .map(e -> e.id().replaceFirst("^revoked:", "")).collect(Collectors.toSet());
        SeriousDishonesty.Standing listing = SeriousDishonesty.at(ledger.stream()
                .filter(e -> !revoked.contains(e.id()))
                .map(e -> new SeriousDishonesty.Event(e.cause(), e.fine(), e.at())).toList(), score, now, config.credit());
        CreditGrade grade = CreditFormula.grade(score, config.credit().grades());
        Optional<CreditStanding> before = standing(enterpriseId);
        Optional<RosterEnterprise> e = roster.byId(enterpriseId);
        CreditStanding after = new CreditStanding(enterpriseId, e.map(RosterEnterprise::name).orElse(null),
                e.map(RosterEnterprise::district).orElse(null), e.map(RosterEnterprise::town).orElse(null), score, grade,
                listing.listed(), listing.since(), listing.until(), listing.reason(), now);
        standings.replaceOne(Filters.eq("_id", enterpriseId), stored.write(after), new ReplaceOptions().upsert(true));
        int scoreBefore = before.map(CreditStanding::score).orElse(config.credit().base());
        CreditGrade gradeBefore = before.map(CreditStanding::grade).orElse(CreditFormula.grade(scoreBefore, config.credit().grades()));
        boolean listedBefore = before.map(CreditStanding::listed).orElse(false);
        if (scoreBefore != score || gradeBefore != grade || listedBefore != listing.listed()) {
            history.insertOne(stored.write(new CreditChange("cc-" + UUID.randomUUID(), enterpriseId, now,
                    cause == null ? null : cause.cause(), cause == null ? "recompute" : cause.ref(),
                    cause == null ? 0 : cause.points(), scoreBefore, score, gradeBefore, grade, listedBefore,
                    listing.listed(), cause == null ? "entries left the window" : cause.note())));
            LOG.infof("credit of %s: %d (%s) -> %d (%s)%s, cause %s", enterpriseId, scoreBefore, gradeBefore, score, grade,
                    listing.listed() ? ", 严重失信 listed" : "", cause == null ? "recompute" : cause.ref());
        }
    }

    /**
     * Every enterprise with a standing recomputed (entries that left the window, the list's periods); once "no drill in
     * the window" is in force, every operating enterprise of the roster too, since having done nothing is then a cause.
     */
    public int recomputeAll() {
        Set<String> ids = new java.util.TreeSet<>();
        standings.find().projection(new Document("_id", 1)).forEach(d -> ids.add(d.getString("_id")));
        if (CreditFormula.drillMissing(List.of(), today.now(), config.credit())) {
            roster.matching(Filters.eq("status", "OPERATING")).forEach(e -> ids.add(e.id()));
        }
        ids.forEach(id -> recompute(id, null));
        return ids.size();
    }

    public Optional<CreditStanding> standing(String enterpriseId) {
        return Optional.ofNullable(standings.find(Filters.eq("_id", enterpriseId)).first())
                .map(d -> stored.read(d, CreditStanding.class));
    }

    public List<CreditStanding> standings(Bson filter, int skip, int limit) {
        List<CreditStanding> out = new ArrayList<>();
        standings.find(filter).sort(Sorts.ascending("_id")).skip(skip).limit(limit)
                .forEach(d -> out.add(stored.read(d, CreditStanding.class)));
        return out;
    }

    public long countStandings(Bson filter) {
        return standings.countDocuments(filter);
    }

    public List<CreditChange> history(String enterpriseId) {
        List<CreditChange> out = new ArrayList<>();
        history.find(Filters.eq("enterpriseId", enterpriseId)).sort(Sorts.descending("at")).limit(200)
                .forEach(d -> out.add(stored.read(d, CreditChange.class)));
        return out;
    }

    private List<CreditEntry> ledgerOf(String enterpriseId) {
        List<CreditEntry> out = new ArrayList<>();
        entries.find(Filters.eq("enterpriseId", enterpriseId)).forEach(d -> out.add(stored.read(d, CreditEntry.class)));
        return out;
    }
}
