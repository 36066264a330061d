package io.safetyhub.enterprise.finding;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.enterprise.disclosure.DisclosureService;
import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.EnterpriseRepository;
import io.safetyhub.enterprise.hazard.Hazard;
import io.safetyhub.enterprise.hazard.HazardRepository;
import io.safetyhub.enterprise.hazard.HazardService;
import io.safetyhub.events.InspectionFinding;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Opens the hazard of a regulator's finding, once per {@code findingId}. The hazard and its origin are two writes
 * (the embedded server has no transactions): the origin is upserted after the hazard and again on every replay,
 * so a crash between the two heals with the redelivery.
 */
@ApplicationScoped
public class FindingHazards {
    private static final Logger LOG = Logger.getLogger(FindingHazards.class);
    /** Reads the disclosure as the platform itself, not as any caller. */
    private static final Caller SYSTEM = Caller.of(FindingHazard.OPENED_BY, Caller.ROLE_OPERATOR::equals, claim -> null);

    /** What became of one finding. */
    public enum Outcome { OPENED, ALREADY_OPEN, REJECTED }

    private final HazardRepository hazards;
    private final HazardOriginRepository origins;
    private final EnterpriseRepository registry;
    private final DisclosureService disclosures;
    private final HazardService hazardService;
    private final Clock clock;
    private final MeterRegistry meters;

    public FindingHazards(HazardRepository hazards, HazardOriginRepository origins, EnterpriseRepository registry,
                          DisclosureService disclosures, HazardService hazardService, Clock clock, MeterRegistry meters) {
        this.hazards = hazards;
        this.origins = origins;
        this.registry = registry;
        this.disclosures = disclosures;
        this.hazardService = hazardService;
        this.clock = clock;
        this.meters = meters;
    }

    public Outcome open(InspectionFinding finding) {
        Optional<String> defect = FindingHazard.defect(finding);
        if (defect.isPresent()) {
            LOG.warnf("inspection finding %s (event %s) skipped: %s", finding.findingId(), finding.eventId(), defect.get());
            return count(Outcome.REJECTED);
        }
        Enterprise enterprise = registry.findById(finding.enterpriseId()).orElse(null);
        if (enterprise == null) {
            LOG.warnf("inspection finding %s names enterprise %s, unknown to the registry: the hazard is opened with "
                    + "the finding's district %s", finding.findingId(), finding.enterpriseId(), finding.district());
        }
        Hazard hazard = FindingHazard.of(finding, enterprise, responsiblePerson(enterprise),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Outcome outcome;
        try {
            hazards.insert(hazard);
            outcome = Outcome.OPENED;
            LOG.infof("hazard %s opened for %s from inspection finding %s (%s, deadline %s)", hazard.id(),
                    hazard.enterpriseId(), finding.findingId(), hazard.grade(), hazard.deadline());
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            outcome = Outcome.ALREADY_OPEN;
            LOG.debugf("inspection finding %s replayed: hazard %s exists", finding.findingId(), hazard.id());
        }
        origins.save(HazardOrigin.of(finding));
        return count(outcome);
    }

    /** Where a hazard the caller may see came from; 404 for a hazard not opened from a finding. */
    public HazardOrigin origin(Caller caller, String hazardId) {
        hazardService.get(caller, hazardId); // 404 for a hazard out of the caller's scope
        return origins.findByHazardId(hazardId)
                .orElseThrow(() -> DomainException.notFound("inspection origin of hazard", hazardId));
    }

    /**
     * The enterprise's own principal (企业负责人) from its responsibility disclosure; without one the legal
     * representative, whom 安全生产法 第五条 makes the first person responsible; else the post itself.
     */
    private String responsiblePerson(Enterprise enterprise) {
        if (enterprise == null) {
            return "企业主要负责人";
        }
        if (disclosures.exists(enterprise.id())) {
            var principal = disclosures.get(SYSTEM, enterprise.id()).disclosure().responsiblePersons().principal();
            if (principal != null && principal.name() != null && !principal.name().isBlank()) {
                return principal.name();
            }
        }
        String legal = enterprise.legalRepresentative();
        return legal == null || legal.isBlank() ? "企业主要负责人" : legal;
    }

    private Outcome count(Outcome outcome) {
        meters.counter("safetyhub.enterprise.inspection.findings", "outcome", outcome.name().toLowerCase()).increment();
        return outcome;
    }
}
