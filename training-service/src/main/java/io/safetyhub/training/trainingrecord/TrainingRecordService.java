package io.safetyhub.training.trainingrecord;

import com.mongodb.client.model.Filters;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.training.common.DateBounds;
import io.safetyhub.training.enterprise.RegisteredEnterprise;
import io.safetyhub.training.enterprise.TenantScope;
import io.safetyhub.training.personnel.EmploymentStatus;
import io.safetyhub.training.personnel.Person;
import io.safetyhub.training.personnel.PersonRepository;
import io.safetyhub.training.personnel.PersonService;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Training records (kept by the enterprise or an operator) and the yearly hours against the minimum. */
@ApplicationScoped
public class TrainingRecordService {
    private final TrainingRecordRepository repository;
    private final TrainingRequirements requirements;
    private final PersonService personnel;
    private final PersonRepository people;
    private final TenantScope scope;
    private final Clock clock;

    public TrainingRecordService(TrainingRecordRepository repository, TrainingRequirements requirements,
                                 PersonService personnel, PersonRepository people, TenantScope scope, Clock clock) {
        this.repository = repository;
        this.requirements = requirements;
        this.personnel = personnel;
        this.people = people;
        this.scope = scope;
        this.clock = clock;
    }

    public TrainingRecordView create(Caller caller, TrainingRecordRequest request, LocalDate today) {
        Person person = personnel.visible(caller, request.personId());
        scope.requireStaffWriter(caller, person.enterpriseId());
        if (request.date().isAfter(today)) {
            throw DomainException.field("INVALID_DATES", "date", "must not be in the future");
        }
        DateBounds.require("date", request.date(), DateBounds.EARLIEST, today);
        int passMark = requirements.passMark(person.roleCategory());
        Boolean passed = request.examScore() == null ? null : request.examScore() >= passMark;
        TrainingRecord record = new TrainingRecord("t-" + UUID.randomUUID().toString().substring(0, 12), person.id(),
                person.enterpriseId(), request.course().trim(), request.hours(), request.date(), request.trainer().trim(),
                request.examScore(), passMark, passed, clock.instant());
        repository.save(record);
        return toView(record, person, scope.enterprise(person.enterpriseId()).orElse(null));
    }

    public TrainingRecordView get(Caller caller, String id) {
        TrainingRecord record = repository.findById(id).orElseThrow(() -> DomainException.notFound("training record", id));
        scope.requireVisible(caller, record.enterpriseId(), "training record", id);
        return toView(record, people.findById(record.personId()).orElse(null), scope.enterprise(record.enterpriseId()).orElse(null));
    }

    public Page<TrainingRecordView> list(Caller caller, String enterpriseId, String personId, Integer year, PageRequest page) {
        Bson filter = filter(caller, enterpriseId, personId, year);
        List<TrainingRecord> records = repository.find(filter, page);
        Map<String, Person> byId = people.findByIds(records.stream().map(TrainingRecord::personId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Person::id, Function.identity()));
        Map<String, RegisteredEnterprise> directory = scope.directory();
        return Page.of(records.stream().map(r -> toView(r, byId.get(r.personId()), directory.get(r.enterpriseId()))).toList(),
                page, repository.count(filter));
    }

    /** Every employed person in scope with their hours in {@code year}, those short of the minimum first. */
    public Page<AnnualHours> hours(Caller caller, String enterpriseId, int year, PageRequest page) {
        List<Bson> personFilter = new ArrayList<>();
        scope.visibleEnterprises(caller).ifPresent(ids -> personFilter.add(Filters.in("enterpriseId", ids)));
        if (enterpriseId != null) {
            personFilter.add(Filters.eq("enterpriseId", enterpriseId));
        }
        personFilter.add(Filters.eq("status", EmploymentStatus.EMPLOYED.name()));
        List<Person> persons = people.findAll(Filters.and(personFilter));
        Map<String, Double> hoursByPerson = repository.findAll(filter(caller, enterpriseId, null, year)).stream()
                .collect(Collectors.groupingBy(TrainingRecord::personId, Collectors.summingDouble(TrainingRecord::hours)));
        Map<String, RegisteredEnterprise> directory = scope.directory();
        return Page.slice(persons.stream().map(p -> {
            RegisteredEnterprise e = directory.get(p.enterpriseId());
            double hours = hoursByPerson.getOrDefault(p.id(), 0.0);
            int required = requirements.requiredHours(p, e, year);
            return new AnnualHours(p.id(), p.name(), p.enterpriseId(), e == null ? null : e.name(), p.roleCategory(), year,
                    hours, required, requirements.initial(p, year), hours >= required);
        }).sorted((a, b) -> a.met() == b.met() ? a.personId().compareTo(b.personId()) : a.met() ? 1 : -1).toList(), page);
    }

    private Bson filter(Caller caller, String enterpriseId, String personId, Integer year) {
        List<Bson> clauses = new ArrayList<>();
        scope.visibleEnterprises(caller).ifPresent(ids -> clauses.add(Filters.in("enterpriseId", ids)));
        if (enterpriseId != null) {
            clauses.add(Filters.eq("enterpriseId", enterpriseId));
        }
        if (personId != null) {
            clauses.add(Filters.eq("personId", personId));
        }
        if (year != null) {
            clauses.add(TrainingRecordRepository.year(year));
        }
        return clauses.isEmpty() ? new Document() : Filters.and(clauses);
    }

    private static TrainingRecordView toView(TrainingRecord r, Person person, RegisteredEnterprise enterprise) {
        return new TrainingRecordView(r.id(), r.personId(), person == null ? null : person.name(), r.enterpriseId(),
                enterprise == null ? null : enterprise.name(), r.course(), r.hours(), r.date(), r.trainer(), r.examScore(),
                r.passMark(), r.passed());
    }
}
