package io.safetyhub.warning.alarm;

import com.mongodb.client.model.Filters;
import io.safetyhub.warning.enterprise.EnterpriseView;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.conversions.Bson;

/** The tenant rule for alarms, readings and statistics: own enterprise, own district, or everything. */
@ApplicationScoped
public class Scope {
    private final EnterpriseView enterprises;

    public Scope(EnterpriseView enterprises) {
        this.enterprises = enterprises;
    }

    /** A filter on {@code enterpriseId} limiting a query to what the caller may see. */
    public Bson filter(Caller caller) {
        if (caller.confinedEnterprise() != null) {
            return Filters.eq("enterpriseId", caller.confinedEnterprise());
        }
        if (caller.confinedDistrict() != null) {
            return Filters.in("enterpriseId", enterprises.idsInDistrict(caller.confinedDistrict()));
        }
        if (caller.regulator() || caller.operator()) {
            return Filters.empty();
        }
        throw DomainException.forbidden("no role of this account may read alarms");
    }

    public boolean visible(Caller caller, String enterpriseId) {
        if (caller.confinedEnterprise() != null) {
            return caller.confinedEnterprise().equals(enterpriseId);
        }
        if (caller.confinedDistrict() != null) {
            return caller.confinedDistrict().equals(enterprises.districtOf(enterpriseId));
        }
        return caller.regulator() || caller.operator();
    }
}
