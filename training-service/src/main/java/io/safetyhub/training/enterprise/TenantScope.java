package io.safetyhub.training.enterprise;

import io.safetyhub.training.error.DomainException;
import io.safetyhub.training.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tenant rule of every feature, in one place: an enterprise user sees only its own enterprise, a
 * regulator with a district claim the enterprises of that district (as the local registry view knows
 * them), a city regulator and operators everything. Writes about an enterprise's staff belong to that
 * enterprise and to operators; out-of-scope ids answer 404 so that their existence is not revealed.
 */
@ApplicationScoped
public class TenantScope {
    private final RegisteredEnterpriseRepository enterprises;

    public TenantScope(RegisteredEnterpriseRepository enterprises) {
        this.enterprises = enterprises;
    }

    /** Enterprise ids the caller is confined to, or empty when the caller sees every enterprise. */
    public Optional<Set<String>> visibleEnterprises(Caller caller) {
        if (caller.confinedEnterprise() != null) {
            return Optional.of(Set.of(caller.confinedEnterprise()));
        }
        if (caller.confinedDistrict() != null) {
            return Optional.of(enterprises.findAll().stream()
                    .filter(e -> caller.confinedDistrict().equals(e.district()))
                    .map(RegisteredEnterprise::id).collect(Collectors.toSet()));
        }
        return Optional.empty();
    }

    public boolean sees(Caller caller, String enterpriseId) {
        if (caller.confinedEnterprise() != null) {
            return caller.confinedEnterprise().equals(enterpriseId);
        }
        if (caller.confinedDistrict() != null) {
            return enterprises.findById(enterpriseId).map(e -> caller.confinedDistrict().equals(e.district())).orElse(false);
        }
        return true;
    }

    /** 404 unless the caller may see data of {@code enterpriseId}. */
    public void requireVisible(Caller caller, String enterpriseId, String what, String id) {
        if (!sees(caller, enterpriseId)) {
            throw DomainException.notFound(what, id);
        }
    }

    /** Staff records are kept by the enterprise itself and by operators; regulators read them. */
    public void requireStaffWriter(Caller caller, String enterpriseId) {
        if (caller.operator()) {
            return;
        }
        if (!caller.enterprise() || caller.regulator()) {
            throw DomainException.forbidden("only the enterprise itself or an operator keeps its staff records");
        }
        if (!caller.enterpriseId().equals(enterpriseId)) {
            throw DomainException.notFound("enterprise", enterpriseId);
        }
    }

    public Optional<RegisteredEnterprise> enterprise(String id) {
        return id == null ? Optional.empty() : enterprises.findById(id);
    }

    /** The local view by id, for lists that show names, districts and sectors. */
    public Map<String, RegisteredEnterprise> directory() {
        Map<String, RegisteredEnterprise> byId = new LinkedHashMap<>();
        enterprises.findAll().forEach(e -> byId.put(e.id(), e));
        return byId;
    }
}
