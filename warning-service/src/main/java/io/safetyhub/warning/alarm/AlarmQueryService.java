package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.enterprise.EnterpriseDirectory;
import io.safetyhub.warning.enterprise.TenantScope;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.platform.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;

/** Lists and reads alarms within the caller's scope; the scope filter is applied here, not in the resource. */
@ApplicationScoped
public class AlarmQueryService {
    private final AlarmRepository repository;
    private final AlarmStore store;
    private final EnterpriseDirectory enterprises;
    private final TenantScope scope;
    /** How long a query waits for the writer before answering with what is stored (MongoDB away). */
    private static final Duration QUERY_WAIT = Duration.ofSeconds(5);

    public AlarmQueryService(AlarmRepository repository, AlarmStore store, EnterpriseDirectory enterprises,
                             TenantScope scope) {
        this.repository = repository;
        this.store = store;
        this.enterprises = enterprises;
        this.scope = scope;
    }

    public Page<AlarmView> list(Caller caller, AlarmEvent.Status status, AlarmLevel level, String enterpriseId,
                                PageRequest page) {
        AlarmFilter filter = new AlarmFilter(scope.reach(caller), status, level, enterpriseId);
        store.flushAndWait(QUERY_WAIT); // statuses and values are written behind: current ones first
        List<AlarmView> items = repository.page(filter, page).stream()
                .map(a -> AlarmMapper.toView(a, enterprises.placeOf(a.enterpriseId()))).toList();
        return Page.of(items, page, repository.count(filter));
    }

    public AlarmView get(Caller caller, String id) {
        Alarm alarm = visible(caller, id);
        return AlarmMapper.toView(alarm, enterprises.placeOf(alarm.enterpriseId()));
    }

    /** The alarm if the caller may see it; 404 otherwise (not 403: do not confirm that it exists). */
    public Alarm visible(Caller caller, String id) {
        Alarm alarm = store.byId(id).orElseThrow(() -> DomainException.notFound("alarm", id));
        if (!scope.visible(caller, alarm.enterpriseId())) {
            throw DomainException.notFound("alarm", id);
        }
        return alarm;
    }
}
