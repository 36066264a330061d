package io.safetyhub.training.enterprise;

import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tenant rule of every feature, applied to this service's data: the rule itself is {@link Caller#sees}; what this
 * class adds is where an enterprise is, looked up in the local registry view (an enterprise the view does not know is
 * in no district, so only operators, city-wide regulators and the enterprise itself see it). Writes about an
 * enterprise's staff belong to that enterprise and to operators; out-of-scope ids answer 404 so that their existence
 * is not revealed.
 */
@ApplicationScoped
public class TenantScope {
    private final RegisteredEnterpriseRepository enterprises;

    public TenantScope(RegisteredEnterpriseRepository enterprises) {
        this.enterprises = enterprises;
    }

    /** Enterprise ids the caller is confined to, or empty when the caller sees every enterprise. */
    public Optional<Set<String>> visibleEnterprises(Caller caller) {
        if (caller.seesAll()) {
            return Optional.empty();
        }
        if (caller.confinedEnterprise() != null) {
            return Optional.of(Set.of(caller.confinedEnterprise()));
        }
        return Optional.of(enterprises.findAll().stream().filter(e -> sees(caller, e))
                .map(RegisteredEnterprise::id).collect(Collectors.toSet()));
    }

    public boolean sees(Caller caller, String enterpriseId) {
        return enterprise(enterpriseId).map(e -> sees(caller, e)).orElseGet(() -> caller.sees(enterpriseId, null));
    }

    private static boolean sees(Caller caller, RegisteredEnterprise e) {
        return caller.sees(e.id(), e.district(), e.town(), null);
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
        if (caller.confinedEnterprise() == null) {
            throw DomainException.forbidden("only the enterprise itself or an operator keeps its staff records");
        }
        if (!caller.confinedEnterprise().equals(enterpriseId)) {
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
