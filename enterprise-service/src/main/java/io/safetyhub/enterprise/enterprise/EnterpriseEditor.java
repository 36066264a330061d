package io.safetyhub.enterprise.enterprise;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import io.safetyhub.enterprise.audit.AuditEntry;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.Problem;
import io.safetyhub.platform.Strings;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes to the registry over REST: who may create, edit and change the status of an entry. Regulators
 * (within their jurisdiction) and operators register enterprises; an enterprise edits its own entry; only a
 * regulator changes the status, and every status change is audited. An enterprise cannot change the fields
 * the regulator sets ({@link RegulatorOwnedFields}); a regulator cannot move an entry out of its jurisdiction.
 * Publishing is done by {@link EnterpriseService#save}, after the single document write, so a refused write
 * announces nothing.
 */
@ApplicationScoped
public class EnterpriseEditor {
    private final EnterpriseService service;
    private final EnterpriseRepository repository;
    private final StatusAuditRepository audit;
    private final EnterpriseMapper mapper;
    private final Clock clock;
    private final EnterpriseConfig config;

    public EnterpriseEditor(EnterpriseService service, EnterpriseRepository repository, StatusAuditRepository audit,
                            EnterpriseMapper mapper, Clock clock, EnterpriseConfig config) {
        this.service = service;
        this.repository = repository;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
        this.config = config;
    }

    public EnterpriseView create(Caller caller, EnterpriseRequest request) {
        if (!caller.isSupervisor()) {
            throw DomainException.forbidden("only regulators and operators register enterprises");
        }
        if (request.id() == null) {
            throw DomainException.field("VALIDATION_FAILED", "id", "must not be blank");
        }
        if (!caller.sees(request.id(), request.district(), request.town(), null)) {
            throw DomainException.forbidden("a regulator registers enterprises of its own jurisdiction only");
        }
        requireSaneInsurance(request);
        if (repository.findById(request.id()).isPresent()) {
            throw DomainException.conflict("ENTERPRISE_EXISTS", "enterprise " + request.id() + " already exists");
        }
        Enterprise entry = fromRequest(request.id(), request, EnterpriseStatus.OPERATING);
        write(entry);
        return mapper.toView(repository.findById(entry.id()).orElseThrow());
    }

    public EnterpriseView update(Caller caller, String id, EnterpriseRequest request) {
        Enterprise existing = service.visible(caller, id);
        if (!caller.isSupervisor()) {
            RegulatorOwnedFields.requireUnchanged(existing, request);
        } else if (!caller.sees(id, request.district(), request.town(), null)) {
            throw DomainException.forbidden("a regulator cannot move an enterprise out of its jurisdiction");
        }
        requireSaneInsurance(request);
        write(fromRequest(id, request, existing.status()));
        return mapper.toView(repository.findById(id).orElseThrow());
    }

    public EnterpriseView changeStatus(Caller caller, String id, StatusChangeRequest request) {
        if (!caller.regulator()) {
            throw DomainException.forbidden("only a regulator changes an enterprise's status");
        }
        Enterprise existing = service.visible(caller, id);
        if (existing.status() == request.status()) {
            throw DomainException.conflict("STATUS_UNCHANGED", "enterprise " + id + " is already " + request.status());
        }
        service.save(existing.withStatus(request.status()), false);
        audit.append(id, new AuditEntry(caller.subject(), caller.role(), clock.instant(), existing.status().name(),
                request.status().name(), request.reason()));
        return mapper.toView(repository.findById(id).orElseThrow());
    }

    public Page<AuditEntry> statusHistory(Caller caller, String id, PageRequest page) {
        service.visible(caller, id);
        return Page.slice(audit.history(id), page);
    }

    /** An expiry further than the date horizon from today either way is a typing slip (9999-12-31), not a policy. */
    private void requireSaneInsurance(EnterpriseRequest request) {
        LocalDate expires = request.insurance() == null ? null : request.insurance().expiresOn();
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        if (expires != null && (expires.isAfter(today.plus(config.dateHorizon()))
                || expires.isBefore(today.minus(config.dateHorizon())))) {
            throw DomainException.field("insurance.expiresOn", "must lie within " + config.dateHorizon()
                    + " of today (" + today.minus(config.dateHorizon()) + " to " + today.plus(config.dateHorizon()) + ")");
        }
    }

    private void write(Enterprise entry) {
        try {
            // Re-announce even an unchanged entry: repeating a PUT whose publish failed then repairs the topic.
            service.save(entry, true);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DomainException(409, "USCC_TAKEN", "another enterprise is registered with USCC " + entry.uscc(),
                        List.of(new Problem.FieldError("uscc", "already registered")));
            }
            throw e;
        }
    }

    private static Enterprise fromRequest(String id, EnterpriseRequest r, EnterpriseStatus status) {
        LiabilityInsurance insurance = r.insurance() == null ? null
                : new LiabilityInsurance(r.insurance().policyNumber(), r.insurance().expiresOn());
        return new Enterprise(id, r.name().trim(), r.uscc().trim(), Strings.blankToNull(r.legalRepresentative()),
                Strings.blankToNull(r.address()), r.district().trim(), Strings.blankToNull(r.town()), r.longitude(),
                r.latitude(), r.sectors(), r.riskColour(), r.standardisationGrade(), insurance, status, null, null);
    }
}
