package io.safetyhub.enterprise.riskcolour;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.safetyhub.enterprise.assessment.RiskAssessment;
import io.safetyhub.enterprise.assessment.RiskAssessmentRepository;
import io.safetyhub.enterprise.audit.AuditDocuments;
import io.safetyhub.enterprise.audit.AuditEntry;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.EnterpriseRepository;
import io.safetyhub.enterprise.enterprise.EnterpriseService;
import io.safetyhub.enterprise.enterprise.RiskColour;
import io.safetyhub.enterprise.enterprise.Sector;
import io.safetyhub.enterprise.enterprise.TenantScope;
import io.safetyhub.enterprise.riskpoint.RiskGrading;
import io.safetyhub.enterprise.riskpoint.RiskPointRepository;
import io.safetyhub.enterprise.riskpoint.RiskPointService.RiskPointsChanged;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The enterprise's risk colour, computed: for a hazardous-chemical enterprise the colour of its latest 100-point
 * assessment (the 2018 guide), for other sectors the worst colour among its risk points; a regulator's override (reason
 * required, every change audited) wins over either. The colour in force is written to the registry entry, which
 * announces it on {@code enterprise.registry.v1} (UPDATED) when it changes, so the map and the enforcement draw follow.
 * A hazardous-chemical enterprise not yet assessed, and another without risk points, keep the colour entered in the
 * registry unless overridden.
 */
@ApplicationScoped
public class RiskColourService {
    private static final Logger LOG = Logger.getLogger(RiskColourService.class);

    private final MongoCollection<Document> overrides;
    private final EnterpriseService enterprises;
    private final EnterpriseRepository registry;
    private final RiskPointRepository points;
    private final RiskAssessmentRepository assessments;
    private final Clock clock;

    public RiskColourService(MongoClient mongo, EnterpriseConfig config, EnterpriseService enterprises,
                             EnterpriseRepository registry, RiskPointRepository points,
                             RiskAssessmentRepository assessments, Clock clock) {
        this.overrides = mongo.getDatabase(config.database()).getCollection("risk_colour_overrides");
        this.enterprises = enterprises;
        this.registry = registry;
        this.points = points;
        this.assessments = assessments;
        this.clock = clock;
    }

    void onPointsChanged(@Observes RiskPointsChanged changed) {
        apply(changed.enterpriseId());
    }

    public RiskColourView get(Caller caller, String enterpriseId) {
        return view(enterprises.visible(caller, enterpriseId));
    }

    public RiskColourView override(Caller caller, String enterpriseId, ColourOverrideRequest request) {
        Enterprise e = regulatorSees(caller, enterpriseId);
        Document doc = overrideOf(e.id());
        List<Document> history = new ArrayList<>(doc.getList("history", Document.class, List.of()));
        history.add(AuditDocuments.toDocument(new AuditEntry(caller.subject(), caller.role(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), name(e.riskColour()), request.colour().name(),
                request.reason().strip())));
        overrides.replaceOne(Filters.eq("_id", e.id()), new Document("_id", e.id()).append("colour", request.colour().name())
                .append("history", history), new ReplaceOptions().upsert(true));
        LOG.infof("risk colour of %s overridden to %s by %s", e.id(), request.colour(), caller.subject());
        apply(e.id());
        return view(registry.findById(e.id()).orElseThrow());
    }

    public RiskColourView lift(Caller caller, String enterpriseId, String reason) {
        Enterprise e = regulatorSees(caller, enterpriseId);
        Document doc = overrideOf(e.id());
        if (doc.getString("colour") == null) {
            throw DomainException.conflict("NO_OVERRIDE", "the colour of " + e.id() + " is not overridden");
        }
        List<Document> history = new ArrayList<>(doc.getList("history", Document.class, List.of()));
        history.add(AuditDocuments.toDocument(new AuditEntry(caller.subject(), caller.role(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), doc.getString("colour"), null, reason)));
        overrides.replaceOne(Filters.eq("_id", e.id()), new Document("_id", e.id()).append("colour", null)
                .append("history", history), new ReplaceOptions().upsert(true));
        LOG.infof("risk colour override of %s lifted by %s", e.id(), caller.subject());
        apply(e.id());
        return view(registry.findById(e.id()).orElseThrow());
    }

    /** Recomputes one enterprise's colour and writes (and so announces) it when it changed. */
    public void apply(String enterpriseId) {
        registry.findById(enterpriseId).ifPresent(e -> {
            Resolved r = resolve(e);
            if (r.basis() != ColourBasis.REGISTRY && r.colour() != e.riskColour()) {
                enterprises.save(e.withRiskColour(r.colour()), false);
                LOG.infof("risk colour of %s now %s (%s, was %s)", e.id(), r.colour(), r.basis(), e.riskColour());
            }
        });
    }

    /** After the seed rewrote the registry from its file: every enterprise with points or an override again. */
    public void applyAll(List<String> enterpriseIds) {
        enterpriseIds.forEach(this::apply);
    }

    private record Resolved(RiskColour colour, ColourBasis basis, RiskColour computed, int count, RiskColour override,
                            RiskAssessment assessment) {
    }

    private Resolved resolve(Enterprise e) {
        RiskColour[] worst = {null};
        int[] count = {0};
        points.forEach(new TenantScope(e.id(), null, null, false), p -> {
            worst[0] = RiskGrading.worse(worst[0], p.colour());
            count[0]++;
        });
        String overridden = overrideOf(e.id()).getString("colour");
        RiskColour override = overridden == null ? null : RiskColour.valueOf(overridden);
        boolean chemical = e.sectors().contains(Sector.HAZARDOUS_CHEMICALS);
        RiskAssessment assessment = chemical ? assessments.latest(e.id()).orElse(null) : null;
        if (override != null) {
            return new Resolved(override, ColourBasis.OVERRIDE, worst[0], count[0], override, assessment);
        }
        if (assessment != null) {
            return new Resolved(assessment.colour(), ColourBasis.ASSESSMENT, worst[0], count[0], null, assessment);
        }
        if (worst[0] != null && !chemical) {
            return new Resolved(worst[0], ColourBasis.RISK_POINTS, worst[0], count[0], null, null);
        }
        return new Resolved(e.riskColour(), ColourBasis.REGISTRY, worst[0], count[0], null, null);
    }

    private RiskColourView view(Enterprise e) {
        Resolved r = resolve(e);
        List<AuditEntry> history = overrideOf(e.id()).getList("history", Document.class, List.of()).stream()
                .map(AuditDocuments::fromDocument).toList();
        RiskAssessment a = r.assessment();
        return new RiskColourView(e.id(), e.riskColour(), r.basis(), r.computed(), r.count(), r.override(), history,
                a == null ? null : new RiskColourView.Assessment(a.id(), a.assessedOn(), a.score(), a.colour()));
    }

    private Enterprise regulatorSees(Caller caller, String enterpriseId) {
        Enterprise e = enterprises.visible(caller, enterpriseId);
        if (!caller.regulator()) {
            throw DomainException.forbidden("only a regulator overrides an enterprise's risk colour");
        }
        return e;
    }

    private Document overrideOf(String enterpriseId) {
        Document d = overrides.find(Filters.eq("_id", enterpriseId)).first();
        return d == null ? new Document() : d;
    }

    private static String name(RiskColour c) {
        return c == null ? null : c.name();
    }
}
