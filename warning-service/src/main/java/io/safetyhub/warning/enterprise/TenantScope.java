package io.safetyhub.warning.enterprise;

import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Set;

/**
 * The tenant rule for alarms, readings, rules and statistics: {@link Caller#sees} decides, with the place of each
 * enterprise taken from the {@link EnterpriseDirectory}. The directory knows districts and towns, not grids (网格),
 * so a caller confined to a grid is shown nothing rather than its whole town.
 */
@ApplicationScoped
public class TenantScope {
    private final EnterpriseDirectory directory;

    public TenantScope(EnterpriseDirectory directory) {
        this.directory = directory;
    }

    /** The enterprises a caller may read: every one, or exactly {@code ids}. */
    public record Reach(boolean everyEnterprise, Set<String> ids) {
        public static final Reach ALL = new Reach(true, Set.of());

        public Reach {
            ids = Set.copyOf(ids);
        }

        public static Reach only(Collection<String> ids) {
            return new Reach(false, Set.copyOf(ids));
        }

        public boolean includes(String enterpriseId) {
            return everyEnterprise || ids.contains(enterpriseId);
        }
    }

    /** What a list or a statistic may read for this caller; 403 for an account with none of the roles. */
    public Reach reach(Caller caller) {
        if (caller.seesAll()) {
            return Reach.ALL;
        }
        if (caller.confinedEnterprise() != null) {
            return Reach.only(Set.of(caller.confinedEnterprise()));
        }
        if (caller.confinedDistrict() != null) {
            // The query narrows by district and town; Caller.sees has the last word (and refuses unknown grids).
            return Reach.only(directory.inDistrict(caller.confinedDistrict(), caller.confinedTown()).stream()
                    .filter(e -> caller.sees(e.id(), e.district(), e.town(), null))
                    .map(EnterpriseDirectory.Entry::id).toList());
        }
        throw DomainException.forbidden("no role of this account may read this");
    }

    /** True when the caller may see data of this enterprise. */
    public boolean visible(Caller caller, String enterpriseId) {
        // Only a caller confined to a place needs the enterprise's place; the others are decided by roles and ids.
        EnterpriseDirectory.Place place = caller.confinedDistrict() == null ? new EnterpriseDirectory.Place(null, null)
                : directory.placeOf(enterpriseId);
        return caller.sees(enterpriseId, place.district(), place.town(), null);
    }
}
