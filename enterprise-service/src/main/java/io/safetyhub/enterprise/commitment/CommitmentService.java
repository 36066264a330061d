package io.safetyhub.enterprise.commitment;

import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.EnterpriseFilter;
import io.safetyhub.enterprise.enterprise.EnterpriseRepository;
import io.safetyhub.enterprise.enterprise.EnterpriseService;
import io.safetyhub.enterprise.enterprise.EnterpriseStatus;
import io.safetyhub.enterprise.enterprise.Sector;
import io.safetyhub.enterprise.enterprise.TenantScope;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Daily safety commitments of hazardous-chemical enterprises: one per enterprise and day (a correction is
 * a new version of the day, the earlier kept), posted by the enterprise itself for today; who has not
 * posted, for regulators. "Today" and the deadline are reckoned in the configured zone.
 */
@ApplicationScoped
public class CommitmentService {
    private static final Logger LOG = Logger.getLogger(CommitmentService.class);

    private final CommitmentRepository repository;
    private final EnterpriseService enterprises;
    private final EnterpriseRepository registry;
    private final Clock clock;
    private final ZoneId zone;
    private final EnterpriseConfig.Commitment settings;

    public CommitmentService(CommitmentRepository repository, EnterpriseService enterprises, EnterpriseRepository registry,
                             Clock clock, EnterpriseConfig config) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.registry = registry;
        this.clock = clock;
        this.zone = config.zone();
        this.settings = config.commitment();
    }

    public Commitment post(Caller caller, CommitmentRequest request) {
        if (caller.confinedEnterprise() == null) {
            throw DomainException.forbidden("a commitment is posted by the enterprise's own account");
        }
        Enterprise enterprise = enterprises.visible(caller, caller.confinedEnterprise());
        if (!enterprise.sectors().contains(Sector.HAZARDOUS_CHEMICALS)) {
            throw DomainException.conflict("COMMITMENT_NOT_APPLICABLE",
                    "daily commitments are for hazardous-chemical enterprises");
        }
        LocalDate today = today(clock.instant());
        Commitment latest = repository.latest(enterprise.id(), today).orElse(null);
        if (latest != null && !request.correction()) {
            throw DomainException.conflict("COMMITMENT_EXISTS", "today's commitment is already posted (version "
                    + latest.version() + "); send a correction to replace it");
        }
        if (latest == null && request.correction()) {
            throw DomainException.field("VALIDATION_FAILED", "correction", "there is no commitment today to correct");
        }
        int version = latest == null ? 1 : latest.version() + 1;
        Commitment commitment = new Commitment(enterprise.id(), today, version, request.allHazardSourcesUnderControl(),
                request.hazardSourceCount(), request.specialOperations(), request.equipmentUnderRepair(),
                request.repairNote(), request.signedBy(), request.note(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), caller.subject());
        if (!repository.insert(commitment)) {
            throw DomainException.conflict("COMMITMENT_EXISTS", "another commitment was posted at the same moment");
        }
        LOG.infof("commitment of %s for %s posted (version %d)", enterprise.id(), today, version);
        return commitment;
    }

    /** Every version between two days (default: the last 30), newest first. */
    public Page<Commitment> history(Caller caller, String enterpriseId, LocalDate from, LocalDate to, PageRequest page) {
        String id = enterpriseId != null ? enterpriseId : caller.confinedEnterprise();
        if (id == null) {
            throw DomainException.field("VALIDATION_FAILED", "enterpriseId", "must name an enterprise");
        }
        enterprises.visible(caller, id);
        LocalDate last = to != null ? to : today(clock.instant());
        LocalDate first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last)) {
            throw DomainException.field("VALIDATION_FAILED", "from", "must not be after 'to'");
        }
        return Page.of(repository.history(id, first, last, page), page, repository.count(id, first, last));
    }

    /** Operating hazardous-chemical enterprises of the caller's scope without a commitment for {@code date}. */
    public Page<MissingCommitment> missing(Caller caller, LocalDate date, PageRequest page) {
        LocalDate day = date != null ? date : today(clock.instant());
        return Page.slice(missingAt(TenantScope.of(caller, null, null, null), day, clock.instant()), page);
    }

    List<MissingCommitment> missingAt(TenantScope scope, LocalDate day, Instant now) {
        boolean past = !now.isBefore(deadline(day));
        EnterpriseFilter filter = new EnterpriseFilter(scope, Sector.HAZARDOUS_CHEMICALS, null,
                EnterpriseStatus.OPERATING, null);
        return registry.findAll(filter).stream()
                .filter(e -> repository.latest(e.id(), day).isEmpty())
                .map(e -> new MissingCommitment(e.id(), e.name(), e.district(), e.town(), day, past))
                .toList();
    }

    /** The instant by which the commitment of {@code day} is due. */
    public Instant deadline(LocalDate day) {
        return day.atTime(settings.deadline()).atZone(zone).toInstant();
    }

    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }
}
