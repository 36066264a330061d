package io.safetyhub.enterprise.majorhazard;

import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.EnterpriseService;
import io.safetyhub.enterprise.enterprise.TenantScope;
import io.safetyhub.enterprise.messaging.MajorHazardPublisher;
import io.safetyhub.events.MajorHazardChanged;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.quarkus.runtime.StartupEvent;
import io.safetyhub.events.Topics;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The major-hazard register (重大危险源): the enterprise (or an operator on its behalf) declares its installations,
 * the enterprise and its regulators read them with S, R and the grade computed (GB 18218-2018); regulators see their
 * district's installations by grade. Like the disclosure, the register is the enterprise's own declaration, so a
 * regulator reads it and does not write it.
 */
@ApplicationScoped
public class MajorHazardService {
    private static final Logger LOG = Logger.getLogger(MajorHazardService.class);

    private final MajorHazardRepository repository;
    private final MajorHazardMapper mapper;
    private final EnterpriseService enterprises;
    private final Clock clock;
    private final MajorHazardPublisher publisher;
    private final Event<InstallationRemoved> removed;

    /** Fired after an installation is removed, so that what hangs on it (its 包保 holders) goes with it. */
    public record InstallationRemoved(String installationId) {
    }

    public MajorHazardService(MajorHazardRepository repository, MajorHazardMapper mapper, EnterpriseService enterprises,
                              Clock clock, MajorHazardPublisher publisher, Event<InstallationRemoved> removed) {
        this.repository = repository;
        this.mapper = mapper;
        this.enterprises = enterprises;
        this.clock = clock;
        this.publisher = publisher;
        this.removed = removed;
    }

    public Page<MajorHazardView> listOf(Caller caller, String enterpriseId, PageRequest page) {
        Enterprise e = enterprises.visible(caller, enterpriseId);
        TenantScope scope = new TenantScope(e.id(), null, null, false);
        return Page.of(repository.find(scope, null, page).stream().map(this::view).toList(), page,
                repository.count(scope, null));
    }

    public MajorHazardView get(Caller caller, String enterpriseId, String id) {
        return view(visible(caller, enterpriseId, id));
    }

    public MajorHazardView create(Caller caller, String enterpriseId, MajorHazardRequest request) {
        Enterprise e = writable(caller, enterpriseId);
        // Numbered per enterprise (MHS-chem-banan-01-01, as the devices name their hazard source); a clash with a
        // concurrent create takes the next number.
        for (int attempt = 0; attempt < 5; attempt++) {
            String id = nextId(e.id());
            MajorHazard m = build(id, e, request, null, caller.subject());
            if (repository.insert(m)) {
                // Announced after the write and before it is reported done: device-adapter accepts devices of
                // this installation only once it has it (a failed publish fails the request; a retry re-announces).
                publisher.changed(m, MajorHazardChanged.Change.CREATED);
                LOG.infof("major hazard %s of %s declared: S=%s R=%s grade %s", id, e.id(), m.s(), m.r(), m.grade());
                return view(m);
            }
        }
        throw DomainException.conflict("CONCURRENT_CHANGE", "installations of " + e.id() + " are being added; retry");
    }

    public MajorHazardView update(Caller caller, String enterpriseId, String id, MajorHazardRequest request) {
        writable(caller, enterpriseId);
        MajorHazard existing = visible(caller, enterpriseId, id);
        Enterprise e = enterprises.visible(caller, enterpriseId);
        MajorHazard m = build(id, e, request, existing.createdAt(), caller.subject());
        repository.replace(m);
        publisher.changed(m, MajorHazardChanged.Change.UPDATED);
        LOG.infof("major hazard %s of %s updated: S=%s R=%s grade %s", id, e.id(), m.s(), m.r(), m.grade());
        return view(m);
    }

    public void delete(Caller caller, String enterpriseId, String id) {
        writable(caller, enterpriseId);
        MajorHazard existing = visible(caller, enterpriseId, id);
        repository.delete(id);
        // Installation numbers are reused (max + 1): a later installation must not inherit these holders.
        removed.fire(new InstallationRemoved(id));
        publisher.deleted(existing);
        LOG.infof("major hazard %s of %s removed by %s", id, enterpriseId, caller.subject());
    }

    /** The scope's installations, optionally of one grade, in id order. */
    public Page<MajorHazardView> across(Caller caller, String district, String town, MajorHazardGrade grade,
                                        PageRequest page) {
        TenantScope scope = TenantScope.of(caller, null, district, town);
        return Page.of(repository.find(scope, grade, page).stream().map(this::view).toList(), page,
                repository.count(scope, grade));
    }

    /** How many installations of each grade the scope has, and how many are not major hazards (S < 1). */
    public GradeCounts byGrade(Caller caller, String district) {
        TenantScope scope = TenantScope.of(caller, null, district, null);
        Map<MajorHazardGrade, Long> counts = new EnumMap<>(MajorHazardGrade.class);
        long graded = 0;
        for (MajorHazardGrade g : MajorHazardGrade.values()) {
            long n = repository.count(scope, g);
            counts.put(g, n);
            graded += n;
        }
        long total = repository.count(scope, null);
        return new GradeCounts(scope.district(), total, total - graded, counts);
    }

    /** Counts per grade across a scope. */
    public record GradeCounts(String district, long total, long notMajor, Map<MajorHazardGrade, Long> byGrade) {
    }

    /** Writes without a caller: the demo seed; an installation already there is left as the enterprise keeps it. */
    public boolean seed(Enterprise e, String id, MajorHazardRequest request) {
        return repository.findById(id).isEmpty() && repository.insert(build(id, e, request, null, "demo-seed"));
    }

    /**
     * Announces every installation of the register again ({@code UPDATED}): at startup, after the seed, so that the
     * compacted topic holds them all even when it was wiped while the database was kept. Harmless on a compacted
     * topic; one acknowledged publish per installation.
     *
     * @return how many were announced
     */
    void announceAtStartup(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent ignored) {
        // After the demo seed (default priority, APPLICATION + 500) so that the seeded installations are included.
        LOG.infof("%d major-hazard installations announced on %s", announceAll(), Topics.MAJOR_HAZARDS);
    }

    public int announceAll() {
        int[] n = {0};
        repository.forEach(m -> {
            publisher.changed(m, MajorHazardChanged.Change.UPDATED);
            n[0]++;
        });
        return n[0];
    }

    /** One installation as stored, without a caller (the duty checks' own lookups have checked scope already). */
    public java.util.Optional<MajorHazard> find(String id) {
        return repository.findById(id);
    }

    private MajorHazard build(String id, Enterprise e, MajorHazardRequest r, Instant createdAt, String by) {
        List<MajorHazard.Substance> substances = r.substances().stream()
                .map(x -> new MajorHazard.Substance(x.substance().strip(), x.category(), x.quantity())).toList();
        Assessment a = MajorHazardCalculator.assess(r.peopleWithin500m(), substances.stream()
                .map(x -> new MajorHazardCalculator.Input(x.substance(), x.category(), BigDecimal.valueOf(x.quantity())))
                .toList());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new MajorHazard(id, e.id(), e.district(), e.town(), r.name().strip(), r.unitType(), r.peopleWithin500m(),
                substances, a.s().doubleValue(), a.r().doubleValue(), a.grade(), createdAt == null ? now : createdAt, now,
                by);
    }

    private MajorHazardView view(MajorHazard m) {
        return mapper.toView(m, MajorHazardCalculator.assess(m.peopleWithin500m(), m.inputs()));
    }

    private Enterprise writable(Caller caller, String enterpriseId) {
        Enterprise e = enterprises.visible(caller, enterpriseId);
        if (!caller.enterprise() && !caller.operator()) {
            throw DomainException.forbidden("the major-hazard register is declared by the enterprise itself");
        }
        return e;
    }

    private MajorHazard visible(Caller caller, String enterpriseId, String id) {
        Enterprise e = enterprises.visible(caller, enterpriseId);
        return repository.findById(id).filter(m -> m.enterpriseId().equals(e.id()))
                .orElseThrow(() -> DomainException.notFound("major hazard", id));
    }

    private String nextId(String enterpriseId) {
        String prefix = "MHS-" + enterpriseId + "-";
        int max = repository.idsOf(enterpriseId).stream().filter(i -> i.startsWith(prefix))
                .map(i -> i.substring(prefix.length())).filter(n -> n.matches("\\d{1,6}"))
                .mapToInt(Integer::parseInt).max().orElse(0);
        return prefix + String.format("%02d", max + 1);
    }
}
