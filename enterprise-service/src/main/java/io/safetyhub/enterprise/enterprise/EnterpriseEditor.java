package io.safetyhub.enterprise.enterprise;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import io.safetyhub.enterprise.audit.AuditEntry;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.Problem;
import io.safetyhub.platform.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;

/**
 * Writes to the registry over REST: who may create, edit and change the status of an entry. Regulators
 * (within their district) and operators register enterprises; an enterprise edits its own entry; only a
 * regulator changes the status, and every status change is audited. An enterprise cannot change its
 * USCC, district or risk colour (the regulator's to set). Publishing is done by
 * {@link EnterpriseService#save}, after the single document write, so a refused write announces nothing.
 */
@ApplicationScoped
public class EnterpriseEditor {
    private final EnterpriseService service;
    private final EnterpriseRepository repository;
    private final StatusAuditRepository audit;
    private final EnterpriseMapper mapper;
    private final Clock clock;

    public EnterpriseEditor(EnterpriseService service, EnterpriseRepository repository, StatusAuditRepository audit,
                            EnterpriseMapper mapper, Clock clock) {
        this.service = service;
        this.repository = repository;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
    }

    public EnterpriseView create(Caller caller, EnterpriseRequest request) {
        if (!caller.isSupervisor()) {
            throw DomainException.forbidden("only regulators and operators register enterprises");
        }
        if (request.id() == null) {
            throw DomainException.field("VALIDATION_FAILED", "id", "must not be blank");
        }
        if (!caller.sees(request.id(), request.district())) {
            throw DomainException.forbidden("a district regulator registers enterprises of its own district only");
        }
        if (repository.findById(request.id()).isPresent()) {
            throw DomainException.conflict("ENTERPRISE_EXISTS", "enterprise " + request.id() + " already exists");
        }
        Enterprise entry = fromRequest(request.id(), request, EnterpriseStatus.OPERATING);
        write(entry);
        return mapper.toView(repository.findById(entry.id()).orElseThrow());
    }

    public EnterpriseView update(Caller caller, String id, EnterpriseRequest request) {
        Enterprise existing = service.visible(caller, id);
        if (caller.confinedEnterprise() != null) {
            requireUnchanged("uscc", existing.uscc(), request.uscc());
            requireUnchanged("district", existing.district(), request.district());
            requireUnchanged("riskColour", existing.riskColour(), request.riskColour());
        }
        if (caller.confinedDistrict() != null && !caller.confinedDistrict().equals(request.district())) {
            throw DomainException.forbidden("a district regulator cannot move an enterprise out of its district");
        }
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

    public List<AuditEntry> statusHistory(Caller caller, String id) {
        service.visible(caller, id);
        return audit.history(id);
    }

    /** The registration number, the jurisdiction and the risk assessment are the regulator's to set. */
    private static void requireUnchanged(String field, Object existing, Object requested) {
        if (!java.util.Objects.equals(existing, requested instanceof String text ? text.trim() : requested)) {
            throw new DomainException(403, "FIELD_REGULATOR_OWNED", field + " is set by the regulator",
                    List.of(new Problem.FieldError(field, "set by the regulator; an enterprise cannot change it")));
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
        return new Enterprise(id, r.name().trim(), r.uscc().trim(), r.legalRepresentative(), r.address(),
                r.district().trim(), r.town(), r.longitude(), r.latitude(), r.sectors(), r.riskColour(),
                r.standardisationGrade(), insurance, status, null, null);
    }
}
