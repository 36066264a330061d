package io.safetyhub.training.compliance;

import com.mongodb.client.model.Filters;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.training.enterprise.RegisteredEnterprise;
import io.safetyhub.training.enterprise.TenantScope;
import io.safetyhub.training.personnel.Person;
import io.safetyhub.training.personnel.PersonRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The list of reminders, within the caller's scope. */
@ApplicationScoped
public class ReminderService {
    private final ReminderRepository repository;
    private final PersonRepository people;
    private final TenantScope scope;

    public ReminderService(ReminderRepository repository, PersonRepository people, TenantScope scope) {
        this.repository = repository;
        this.people = people;
        this.scope = scope;
    }

    /** Soonest due first. */
    public Page<ReminderView> list(Caller caller, String enterpriseId, PageRequest page) {
        List<Bson> clauses = new ArrayList<>();
        scope.visibleEnterprises(caller).ifPresent(ids -> clauses.add(Filters.in("enterpriseId", ids)));
        if (enterpriseId != null) {
            clauses.add(Filters.eq("enterpriseId", enterpriseId));
        }
        Bson filter = clauses.isEmpty() ? new Document() : Filters.and(clauses);
        return Page.of(toViews(repository.find(filter, page)), page, repository.count(filter));
    }

    public List<ReminderView> views(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : toViews(repository.findAll(Filters.in("_id", ids)));
    }

    private List<ReminderView> toViews(List<Reminder> found) {
        Map<String, Person> byId = people.findByIds(found.stream().map(Reminder::personId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Person::id, Function.identity()));
        Map<String, RegisteredEnterprise> directory = scope.directory();
        return found.stream().map(r -> {
            Person p = byId.get(r.personId());
            RegisteredEnterprise e = directory.get(r.enterpriseId());
            return new ReminderView(r.id(), r.certificateId(), r.kind(), r.number(), r.personId(), p == null ? null : p.name(),
                    r.enterpriseId(), e == null ? null : e.name(), e == null ? null : e.district(), r.due(), r.dueOn(),
                    r.daysBefore(), r.daysLeft(), r.raisedOn(), r.published());
        }).toList();
    }
}
