package io.safetyhub.enterprise.assessment;

import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.EnterpriseService;
import io.safetyhub.enterprise.enterprise.Sector;
import io.safetyhub.enterprise.riskcolour.RiskColourService;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.Strings;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * The 2018 guide's 100-point assessment of hazardous-chemical enterprises. The guide has the regulators (各地安全监管部门)
 * organise the assessment of the enterprises of their area, so a regulator in whose scope the enterprise lies records
 * it; the enterprise and operators read it. The latest assessment sets the enterprise's computed colour (unless a
 * regulator's override is in force), written to the registry and so announced on {@code enterprise.registry.v1}.
 */
@ApplicationScoped
public class RiskAssessmentService {
    private static final Logger LOG = Logger.getLogger(RiskAssessmentService.class);

    private final RiskAssessmentRepository repository;
    private final EnterpriseService enterprises;
    private final RiskColourService colours;
    private final EnterpriseConfig config;
    private final Clock clock;

    public RiskAssessmentService(RiskAssessmentRepository repository, EnterpriseService enterprises,
                                 RiskColourService colours, EnterpriseConfig config, Clock clock) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.colours = colours;
        this.config = config;
        this.clock = clock;
    }

    public RiskAssessmentView record(Caller caller, String enterpriseId, RiskAssessmentRequest request) {
        Enterprise e = enterprises.visible(caller, enterpriseId);
        if (!caller.regulator()) {
            throw DomainException.forbidden("the 100-point assessment is recorded by the enterprise's regulator");
        }
        return record(e, request, caller.subject());
    }

    /** Without a caller: the demo seed. */
    public RiskAssessmentView record(Enterprise e, RiskAssessmentRequest request, String by) {
        if (!e.sectors().contains(Sector.HAZARDOUS_CHEMICALS)) {
            throw DomainException.conflict("ASSESSMENT_NOT_APPLICABLE",
                    "the 2018 guide assesses hazardous-chemical enterprises; " + e.id() + " is not one");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, config.zone());
        if (request.assessedOn().isAfter(today)) {
            throw DomainException.field("DATE_IN_FUTURE", "assessedOn", "an assessment is recorded once made: not after today");
        }
        if (request.assessedOn().isBefore(today.minus(config.dateHorizon()))) {
            throw DomainException.field("DATE_TOO_FAR", "assessedOn", "more than " + config.dateHorizon() + " ago");
        }
        List<AssessmentCalculator.Deduction> deductions = request.deductions().stream()
                .map(d -> new AssessmentCalculator.Deduction(d.code().strip(), d.points())).toList();
        List<String> bonuses = request.bonuses() == null ? List.of() : request.bonuses().stream().map(String::strip).toList();
        List<DirectRed> directRed = request.directRed() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.directRed()));
        AssessmentCalculator.Result result = AssessmentCalculator.assess(deductions, bonuses, new LinkedHashSet<>(directRed));
        RiskAssessment a = new RiskAssessment(UUID.randomUUID().toString(), e.id(), e.district(), e.town(),
                request.assessedOn(), request.assessor().strip(), request.deductions().stream()
                .map(d -> new RiskAssessment.Item(d.code().strip(), d.points(), Strings.blankToNull(d.finding()))).toList(),
                bonuses, directRed, result.score(), result.colour(), Strings.blankToNull(request.note()), by, now);
        repository.insert(a);
        LOG.infof("risk assessment %s of %s on %s by %s: score %s, %s%s", a.id(), e.id(), a.assessedOn(), by,
                a.score().toPlainString(), a.colour(), result.directRed() ? " (direct red)" : "");
        colours.apply(e.id());
        return RiskAssessmentView.of(a);
    }

    public Page<RiskAssessmentView> list(Caller caller, String enterpriseId, PageRequest page) {
        Enterprise e = enterprises.visible(caller, enterpriseId);
        return Page.of(repository.of(e.id(), page).stream().map(RiskAssessmentView::of).toList(), page,
                repository.count(e.id()));
    }

    public RiskAssessmentView get(Caller caller, String enterpriseId, String id) {
        Enterprise e = enterprises.visible(caller, enterpriseId);
        return repository.findById(id).filter(a -> a.enterpriseId().equals(e.id())).map(RiskAssessmentView::of)
                .orElseThrow(() -> DomainException.notFound("risk assessment", id));
    }

    /** Whether the enterprise has been assessed at all (the demo seed assesses once). */
    public boolean assessed(String enterpriseId) {
        return repository.latest(enterpriseId).isPresent();
    }
}
