package io.safetyhub.enterprise.enterprise;

import io.safetyhub.enterprise.messaging.RegistryPublisher;
import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The registry's rules: who sees which enterprise (an enterprise user its own, a district regulator its
 * district, city regulators and operators all; anything else is "not found", never "forbidden", so that
 * ids of other tenants cannot be probed), what a valid entry is, and that every write is announced.
 */
@ApplicationScoped
public class EnterpriseService {
    private static final Logger LOG = Logger.getLogger(EnterpriseService.class);

    private final EnterpriseRepository repository;
    private final EnterpriseMapper mapper;
    private final RegistryPublisher publisher;
    private final Clock clock;

    public EnterpriseService(EnterpriseRepository repository, EnterpriseMapper mapper, RegistryPublisher publisher,
                             Clock clock) {
        this.repository = repository;
        this.mapper = mapper;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Filters of the list endpoint, parsed; null means "any". */
    public record ListQuery(String district, String town, Sector sector, RiskColour riskColour, EnterpriseStatus status,
                            String q) {
    }

    public Page<EnterpriseView> list(Caller caller, ListQuery query, PageRequest page) {
        EnterpriseFilter filter = new EnterpriseFilter(TenantScope.of(caller, null, query.district(), query.town()),
                query.sector(), query.riskColour(), query.status(), query.q());
        return Page.of(repository.find(filter, page).stream().map(mapper::toView).toList(), page, repository.count(filter));
    }

    public EnterpriseView get(Caller caller, String id) {
        return repository.findById(id).filter(e -> visibleTo(caller, e)).map(mapper::toView)
                .orElseThrow(() -> DomainException.notFound("enterprise", id));
    }

    /**
     * Creates or updates an entry and publishes it on {@code enterprise.registry.v1}, waiting for the
     * broker's acknowledgement. An unchanged entry is not rewritten but is announced again when
     * {@code reannounce} is set: a compacted topic takes the same state twice without harm, and this
     * repairs a topic that was wiped while the database was kept.
     *
     * @return what happened, or null when nothing changed and nothing was announced
     */
    public EnterpriseChanged.Change save(Enterprise entry, boolean reannounce) {
        validate(entry);
        Enterprise existing = repository.findById(entry.id()).orElse(null);
        EnterpriseChanged.Change change;
        Enterprise stored;
        if (existing == null) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            stored = entry.stamped(now, now);
            repository.save(stored);
            change = EnterpriseChanged.Change.CREATED;
        } else if (!existing.sameEntryAs(entry)) {
            stored = entry.stamped(existing.createdAt(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
            repository.save(stored);
            // Consumers treat a pure status change specially (a suspended plant's alarms, for one).
            change = existing.sameEntryAs(entry.withStatus(existing.status()))
                    ? EnterpriseChanged.Change.STATUS_CHANGED : EnterpriseChanged.Change.UPDATED;
        } else if (reannounce) {
            stored = existing;
            change = EnterpriseChanged.Change.UPDATED;
        } else {
            return null;
        }
        publisher.publish(stored, change);
        LOG.infof("enterprise %s %s", stored.id(), change);
        return change;
    }

    /** The enterprise if the caller may see it; otherwise "not found", so that ids cannot be probed. */
    public Enterprise visible(Caller caller, String id) {
        return repository.findById(id).filter(e -> visibleTo(caller, e))
                .orElseThrow(() -> DomainException.notFound("enterprise", id));
    }

    private static boolean visibleTo(Caller caller, Enterprise e) {
        return caller.sees(e.id(), e.district(), e.town(), null);
    }

    private static void validate(Enterprise e) {
        if (e.id() == null || !e.id().matches("[a-z0-9][a-z0-9-]{1,63}")) {
            throw DomainException.badRequest("INVALID_ID", "an enterprise id is 2-64 lower-case letters, digits and '-'");
        }
        if (!Uscc.isValid(e.uscc())) {
            throw DomainException.field("INVALID_USCC", "uscc",
                    "'" + e.uscc() + "' is not a valid unified social credit code (GB 32100-2015 check character)");
        }
        if (e.name() == null || e.name().isBlank() || e.district() == null || e.district().isBlank()
                || e.status() == null || e.sectors().isEmpty()) {
            throw DomainException.badRequest("INCOMPLETE", "an enterprise needs a name, a district, a status and a sector");
        }
        if (e.longitude() != null && (e.longitude() < -180 || e.longitude() > 180)
                || e.latitude() != null && (e.latitude() < -90 || e.latitude() > 90)) {
            throw DomainException.badRequest("INVALID_LOCATION", "longitude or latitude out of range");
        }
    }
}
