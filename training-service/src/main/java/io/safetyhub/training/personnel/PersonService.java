package io.safetyhub.training.personnel;

import com.mongodb.client.model.Filters;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.training.certificate.CertificateRepository;
import io.safetyhub.training.common.BusinessDay;
import io.safetyhub.training.common.DateBounds;
import io.safetyhub.training.enterprise.RegisteredEnterprise;
import io.safetyhub.training.enterprise.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Personnel (从业人员) with the role and tenant rules: enterprises keep their own, operators any, regulators read. */
@ApplicationScoped
public class PersonService {
    private static final Logger LOG = Logger.getLogger(PersonService.class);

    private final PersonRepository repository;
    private final PersonMapper mapper;
    private final TenantScope scope;
    private final Clock clock;
    private final CertificateRepository certificates;
    private final BusinessDay days;

    public PersonService(PersonRepository repository, PersonMapper mapper, TenantScope scope, Clock clock,
                         CertificateRepository certificates, BusinessDay days) {
        this.certificates = certificates;
        this.days = days;
        this.repository = repository;
        this.mapper = mapper;
        this.scope = scope;
        this.clock = clock;
    }

    /** Filters of the personnel list; null means "any". */
    public record Filter(String enterpriseId, String post, RoleCategory roleCategory, EmploymentStatus status) {
    }

    public Page<PersonView> list(Caller caller, Filter filter, PageRequest page) {
        Bson bson = toBson(scope.visibleEnterprises(caller), filter);
        Map<String, RegisteredEnterprise> directory = scope.directory();
        List<PersonView> items = repository.find(bson, page).stream()
                .map(p -> mapper.toView(p, directory.get(p.enterpriseId()))).toList();
        return Page.of(items, page, repository.count(bson));
    }

    public PersonView get(Caller caller, String id) {
        Person person = visible(caller, id);
        return mapper.toView(person, scope.enterprise(person.enterpriseId()).orElse(null));
    }

    /** The stored person if the caller may see it, else 404 (used by the other features too). */
    public Person visible(Caller caller, String id) {
        Person person = repository.findById(id).orElseThrow(() -> DomainException.notFound("person", id));
        scope.requireVisible(caller, person.enterpriseId(), "person", id);
        return person;
    }

    public PersonView create(Caller caller, PersonRequest request) {
        String enterpriseId = enterpriseOf(caller, request.enterpriseId());
        scope.requireStaffWriter(caller, enterpriseId);
        validate(request);
        String key = Person.key(enterpriseId, IdCardNumber.normalise(request.idCardNumber()));
        if (repository.findByIdCardKey(key).isPresent()) {
            throw PersonRepository.duplicate();
        }
        Person person = mapper.toPerson("p-" + UUID.randomUUID().toString().substring(0, 12), enterpriseId, request,
                clock.instant(), clock.instant());
        repository.save(person);
        LOG.infof("person %s registered in %s by %s", person.id(), enterpriseId, caller.subject());
        return mapper.toView(person, scope.enterprise(enterpriseId).orElse(null));
    }

    public PersonView update(Caller caller, String id, PersonRequest request) {
        Person existing = visible(caller, id);
        scope.requireStaffWriter(caller, existing.enterpriseId());
        if (request.enterpriseId() != null && !request.enterpriseId().equals(existing.enterpriseId())) {
            throw DomainException.field("enterpriseId", "a person cannot move to another enterprise; register them there");
        }
        validate(request);
        Person person = mapper.toPerson(id, existing.enterpriseId(), request, existing.createdAt(), clock.instant());
        Optional<Person> holder = repository.findByIdCardKey(person.idCardKey());
        if (holder.isPresent() && !holder.get().id().equals(id)) {
            throw PersonRepository.duplicate();
        }
        repository.save(person);
        return mapper.toView(person, scope.enterprise(person.enterpriseId()).orElse(null));
    }

    public void delete(Caller caller, String id) {
        Person existing = visible(caller, id);
        scope.requireStaffWriter(caller, existing.enterpriseId());
        repository.delete(id);
        certificates.deleteByPerson(id);
        LOG.infof("person %s of %s deleted by %s", id, existing.enterpriseId(), caller.subject());
    }

    private String enterpriseOf(Caller caller, String requested) {
        if (caller.confinedEnterprise() != null) {
            return requested == null || requested.isBlank() ? caller.confinedEnterprise() : requested.trim();
        }
        if (requested == null || requested.isBlank()) {
            throw DomainException.field("enterpriseId", "must be given");
        }
        if (caller.operator() && scope.enterprise(requested.trim()).isEmpty()) {
            throw DomainException.field("UNKNOWN_ENTERPRISE", "enterpriseId", "is not in the enterprise registry");
        }
        return requested.trim();
    }

    private void validate(PersonRequest request) {
        String problem = IdCardNumber.problem(request.idCardNumber());
        if (problem != null) {
            throw DomainException.field("INVALID_ID_CARD", "idCardNumber", problem);
        }
        DateBounds.require("hiredOn", request.hiredOn(), DateBounds.EARLIEST, DateBounds.planningHorizon(days.today()));
    }

    static Bson toBson(Optional<Set<String>> visible, Filter filter) {
        List<Bson> clauses = new ArrayList<>();
        visible.ifPresent(ids -> clauses.add(Filters.in("enterpriseId", ids)));
        if (filter.enterpriseId() != null) {
            clauses.add(Filters.eq("enterpriseId", filter.enterpriseId()));
        }
        if (filter.post() != null) {
            clauses.add(Filters.regex("post", Pattern.quote(filter.post()), "i"));
        }
        if (filter.roleCategory() != null) {
            clauses.add(Filters.eq("roleCategory", filter.roleCategory().name()));
        }
        if (filter.status() != null) {
            clauses.add(Filters.eq("status", filter.status().name()));
        }
        return clauses.isEmpty() ? new Document() : Filters.and(clauses);
    }
}
