package io.safetyhub.warning.alarm;

import com.mongodb.client.model.Filters;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.enterprise.EnterpriseView;
import io.safetyhub.warning.error.DomainException;
import io.safetyhub.warning.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/** Lists and reads alarms within the caller's scope; the scope filter is applied here, not in the resource. */
@ApplicationScoped
public class AlarmQueryService {
    private final AlarmRepository repository;
    private final EnterpriseView enterprises;

    public AlarmQueryService(AlarmRepository repository, EnterpriseView enterprises) {
        this.repository = repository;
        this.enterprises = enterprises;
    }

    public Page<AlarmView> list(Caller caller, AlarmEvent.Status status, AlarmLevel level, String enterpriseId,
                                int page, int size) {
        List<Bson> filters = new ArrayList<>();
        filters.add(scope(caller));
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (level != null) {
            filters.add(Filters.eq("level", level.name()));
        }
        if (enterpriseId != null && !enterpriseId.isBlank()) {
            filters.add(Filters.eq("enterpriseId", enterpriseId));
        }
        Bson filter = Filters.and(filters);
        List<AlarmView> items = repository.page(filter, page, size).stream()
                .map(a -> AlarmMapper.toView(a, enterprises.districtOf(a.enterpriseId()))).toList();
        return new Page<>(items, page, size, repository.count(filter));
    }

    public AlarmView get(Caller caller, String id) {
        Alarm alarm = repository.findById(id).orElseThrow(() -> DomainException.notFound("alarm", id));
        String district = enterprises.districtOf(alarm.enterpriseId());
        if (!visible(caller, alarm.enterpriseId(), district)) {
            throw DomainException.notFound("alarm", id); // not 403: do not confirm that it exists
        }
        return AlarmMapper.toView(alarm, district);
    }

    private Bson scope(Caller caller) {
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

    private static boolean visible(Caller caller, String enterpriseId, String district) {
        if (caller.confinedEnterprise() != null) {
            return caller.confinedEnterprise().equals(enterpriseId);
        }
        if (caller.confinedDistrict() != null) {
            return caller.confinedDistrict().equals(district);
        }
        return caller.regulator() || caller.operator();
    }
}
