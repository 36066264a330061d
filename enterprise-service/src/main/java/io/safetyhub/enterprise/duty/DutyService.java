package io.safetyhub.enterprise.duty;

import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.EnterpriseService;
import io.safetyhub.enterprise.enterprise.TenantScope;
import io.safetyhub.enterprise.majorhazard.MajorHazard;
import io.safetyhub.enterprise.majorhazard.MajorHazardRepository;
import io.safetyhub.enterprise.majorhazard.MajorHazardService;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.Masks;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 包保 duties of major-hazard installations: the enterprise (or an operator on its behalf) names each installation's
 * 主要负责人, 技术负责人 and 操作负责人 and records their duty checks; the enterprise and its regulators read them.
 * Like the register, the duties are the enterprise's own record, so a regulator reads and does not write them.
 * Phones are shown in full to the enterprise itself only; every other caller sees them masked ({@link Masks#phone}).
 */
@ApplicationScoped
public class DutyService {
    private static final Logger LOG = Logger.getLogger(DutyService.class);

    private final DutyRepository repository;
    private final MajorHazardRepository installations;
    private final EnterpriseService enterprises;
    private final EnterpriseConfig config;
    private final Clock clock;

    public DutyService(DutyRepository repository, MajorHazardRepository installations, EnterpriseService enterprises,
                       EnterpriseConfig config, Clock clock) {
        this.repository = repository;
        this.installations = installations;
        this.enterprises = enterprises;
        this.config = config;
        this.clock = clock;
    }

    public DutyViews.Duties get(Caller caller, String enterpriseId, String installationId) {
        MajorHazard m = visible(caller, enterpriseId, installationId);
        return view(caller, m, repository.holders(m.id()).orElse(null));
    }

    public DutyViews.Duties assign(Caller caller, String enterpriseId, String installationId, DutyHoldersRequest request) {
        MajorHazard m = writable(caller, enterpriseId, installationId);
        DutyAssignment before = repository.holders(m.id()).orElse(null);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, zone());
        Map<DutyRole, DutyHolder> holders = new EnumMap<>(DutyRole.class);
        for (DutyRole role : DutyRole.values()) {
            DutyHoldersRequest.Person p = request.of(role);
            DutyHolder previous = before == null ? null : before.holder(role);
            holders.put(role, new DutyHolder(p.name().strip(), p.position().strip(), p.phone().strip(),
                    previous == null ? today : previous.since(), caller.subject(), now));
        }
        DutyAssignment a = new DutyAssignment(m.id(), m.enterpriseId(), m.district(), m.town(), holders);
        repository.saveHolders(a);
        LOG.infof("duty holders of %s (%s) named by %s", m.id(), m.enterpriseId(), caller.subject());
        return view(caller, m, a);
    }

    /** Records a duty check; 400 naming the field, nothing written, when the person is not the role's holder. */
    public DutyViews.Check record(Caller caller, String enterpriseId, String installationId, DutyCheckRequest request) {
        MajorHazard m = writable(caller, enterpriseId, installationId);
        DutyHolder holder = repository.holders(m.id()).map(a -> a.holder(request.role())).orElse(null);
        if (holder == null) {
            throw DomainException.field("NO_DUTY_HOLDER", "role", "installation " + m.id() + " has no "
                    + request.role().label() + " (" + request.role() + ") named yet");
        }
        String person = request.personName().strip();
        if (!person.equals(holder.name())) {
            throw DomainException.field("NOT_DUTY_HOLDER", "personName", person + " is not the "
                    + request.role().label() + " (" + request.role() + ") of installation " + m.id());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (request.date().isAfter(LocalDate.ofInstant(now, zone()))) {
            throw DomainException.field("DATE_IN_FUTURE", "date", "a duty check is recorded once done: not after today");
        }
        if (request.date().isBefore(LocalDate.ofInstant(now, zone()).minus(config.dateHorizon()))) {
            throw DomainException.field("DATE_TOO_FAR", "date", "more than " + config.dateHorizon() + " ago");
        }
        DutyCheck c = new DutyCheck(UUID.randomUUID().toString(), m.id(), m.enterpriseId(), m.district(), m.town(),
                request.role(), person, request.date(), request.findings().strip(), request.outcome(), caller.subject(), now);
        repository.insertCheck(c);
        LOG.infof("duty check of %s %s by %s on %s: %s", m.id(), c.role(), person, c.date(), c.outcome());
        return DutyViews.Check.of(c);
    }

    public Page<DutyViews.Check> checks(Caller caller, String enterpriseId, String installationId, DutyRole role,
                                        PageRequest page) {
        MajorHazard m = visible(caller, enterpriseId, installationId);
        return Page.of(repository.checks(m.id(), role, page).stream().map(DutyViews.Check::of).toList(), page,
                repository.countChecks(m.id(), role));
    }

    /** Periods that ended without a check, across the caller's scope, oldest due first. */
    public Page<DutyViews.Overdue> overdue(Caller caller, String district, String town, DutyRole role, PageRequest page) {
        TenantScope scope = TenantScope.of(caller, null, district, town);
        return Page.of(repository.overdue(scope, role, page).stream().map(DutyViews.Overdue::of).toList(), page,
                repository.countOverdue(scope, role));
    }

    /** A removed installation's holders go with it; its checks and announcements stay on record. */
    void onInstallationRemoved(@Observes MajorHazardService.InstallationRemoved event) {
        repository.deleteHolders(event.installationId());
    }

    /** The demo seed: holders named as from {@code since}, only where none are. */
    public boolean seed(String installationId, DutyHoldersRequest request, LocalDate since) {
        if (repository.holders(installationId).isPresent()) {
            return false;
        }
        return installations.findById(installationId).map(m -> {
            Map<DutyRole, DutyHolder> holders = new EnumMap<>(DutyRole.class);
            for (DutyRole role : DutyRole.values()) {
                DutyHoldersRequest.Person p = request.of(role);
                holders.put(role, new DutyHolder(p.name(), p.position(), p.phone(), since, "demo-seed", clock.instant()));
            }
            repository.saveHolders(new DutyAssignment(m.id(), m.enterpriseId(), m.district(), m.town(), holders));
            return true;
        }).orElse(false);
    }

    private DutyViews.Duties view(Caller caller, MajorHazard m, DutyAssignment a) {
        boolean own = m.enterpriseId().equals(caller.confinedEnterprise());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone());
        List<DutyViews.RoleDuty> roles = new ArrayList<>();
        for (DutyRole role : DutyRole.values()) {
            DutyFrequency f = role.frequency(config.duties());
            DutyPeriod current = DutyPeriod.containing(f, today);
            DutyHolder h = a == null ? null : a.holder(role);
            List<DutyCheck> last = repository.checks(m.id(), role, new PageRequest(0, 1));
            LocalDate lastDay = last.isEmpty() ? null : last.get(0).date();
            DutyViews.Holder holder = h == null ? null
                    : new DutyViews.Holder(h.name(), h.position(), own ? h.phone() : Masks.phone(h.phone()), h.since());
            roles.add(new DutyViews.RoleDuty(role, role.label(), holder, f, current.start(), current.dueBy(zone()),
                    lastDay != null && current.contains(lastDay), lastDay));
        }
        return new DutyViews.Duties(m.id(), m.name(), m.enterpriseId(), roles);
    }

    private MajorHazard visible(Caller caller, String enterpriseId, String installationId) {
        Enterprise e = enterprises.visible(caller, enterpriseId);
        return installations.findById(installationId).filter(m -> m.enterpriseId().equals(e.id()))
                .orElseThrow(() -> DomainException.notFound("major hazard", installationId));
    }

    private MajorHazard writable(Caller caller, String enterpriseId, String installationId) {
        MajorHazard m = visible(caller, enterpriseId, installationId);
        if (!caller.enterprise() && !caller.operator()) {
            throw DomainException.forbidden("包保 duties are recorded by the enterprise itself");
        }
        return m;
    }

    private ZoneId zone() {
        return config.zone();
    }
}
