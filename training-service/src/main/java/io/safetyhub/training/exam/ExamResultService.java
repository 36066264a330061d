package io.safetyhub.training.exam;

import com.mongodb.client.model.Filters;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.training.common.DateBounds;
import io.safetyhub.training.config.TrainingConfig;
import io.safetyhub.training.enterprise.RegisteredEnterprise;
import io.safetyhub.training.enterprise.TenantScope;
import io.safetyhub.training.personnel.Person;
import io.safetyhub.training.personnel.PersonRepository;
import io.safetyhub.training.personnel.PersonService;
import io.safetyhub.training.personnel.RoleCategory;
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

/**
 * Principals' 应知应会 exam results: recorded and published by the regulator that ran the exam (within its
 * district) or an operator, read by the enterprise concerned, and shown to the public once published.
 */
@ApplicationScoped
public class ExamResultService {
    private final ExamResultRepository repository;
    private final ExamResultMapper mapper;
    private final PersonService personnel;
    private final PersonRepository people;
    private final TenantScope scope;
    private final TrainingConfig config;
    private final Clock clock;

    public ExamResultService(ExamResultRepository repository, ExamResultMapper mapper, PersonService personnel,
                             PersonRepository people, TenantScope scope, TrainingConfig config, Clock clock) {
        this.repository = repository;
        this.mapper = mapper;
        this.personnel = personnel;
        this.people = people;
        this.scope = scope;
        this.config = config;
        this.clock = clock;
    }

    public ExamResultView record(Caller caller, ExamResultRequest request, LocalDate today) {
        requireExaminer(caller);
        Person person = personnel.visible(caller, request.personId());
        if (person.roleCategory() != RoleCategory.PRINCIPAL) {
            throw DomainException.field("NOT_A_PRINCIPAL", "personId", "the 应知应会 exam is for principals (主要负责人)");
        }
        if (request.examDate().isAfter(today)) {
            throw DomainException.field("INVALID_DATES", "examDate", "must not be in the future");
        }
        DateBounds.require("examDate", request.examDate(), DateBounds.EARLIEST, today);
        int passMark = config.training().defaultPassMark();
        ExamResult result = new ExamResult("x-" + UUID.randomUUID().toString().substring(0, 12), person.id(),
                person.enterpriseId(), request.examName().trim(), request.examDate(), request.score(), passMark,
                request.score() >= passMark, false, null, null, caller.subject(), clock.instant());
        repository.save(result);
        return mapper.toView(result, person, scope.enterprise(person.enterpriseId()).orElse(null));
    }

    public ExamResultView get(Caller caller, String id) {
        ExamResult r = visible(caller, id);
        return mapper.toView(r, people.findById(r.personId()).orElse(null), scope.enterprise(r.enterpriseId()).orElse(null));
    }

    /** Publishing twice changes nothing and answers the result as it is. */
    public ExamResultView publish(Caller caller, String id) {
        requireExaminer(caller);
        ExamResult r = visible(caller, id);
        ExamResult published = r.published() ? r : new ExamResult(r.id(), r.personId(), r.enterpriseId(), r.examName(),
                r.examDate(), r.score(), r.passMark(), r.passed(), true, clock.instant(), caller.subject(), r.recordedBy(),
                r.createdAt());
        repository.save(published);
        return mapper.toView(published, people.findById(r.personId()).orElse(null), scope.enterprise(r.enterpriseId()).orElse(null));
    }

    public Page<ExamResultView> list(Caller caller, String enterpriseId, PageRequest page) {
        List<Bson> clauses = new ArrayList<>();
        scope.visibleEnterprises(caller).ifPresent(ids -> clauses.add(Filters.in("enterpriseId", ids)));
        if (enterpriseId != null) {
            clauses.add(Filters.eq("enterpriseId", enterpriseId));
        }
        Bson filter = clauses.isEmpty() ? new Document() : Filters.and(clauses);
        List<ExamResult> found = repository.find(filter, page);
        Map<String, Person> byId = persons(found);
        Map<String, RegisteredEnterprise> directory = scope.directory();
        return Page.of(found.stream().map(r -> mapper.toView(r, byId.get(r.personId()), directory.get(r.enterpriseId()))).toList(),
                page, repository.count(filter));
    }

    public Page<PublicExamResultView> published(String examName, PageRequest page) {
        Bson filter = examName == null ? Filters.eq("published", true)
                : Filters.and(Filters.eq("published", true), Filters.eq("examName", examName));
        List<ExamResult> found = repository.find(filter, page);
        Map<String, Person> byId = persons(found);
        Map<String, RegisteredEnterprise> directory = scope.directory();
        return Page.of(found.stream().map(r -> mapper.toPublicView(r, byId.get(r.personId()), directory.get(r.enterpriseId())))
                .toList(), page, repository.count(filter));
    }

    private ExamResult visible(Caller caller, String id) {
        ExamResult r = repository.findById(id).orElseThrow(() -> DomainException.notFound("exam result", id));
        scope.requireVisible(caller, r.enterpriseId(), "exam result", id);
        return r;
    }

    private Map<String, Person> persons(List<ExamResult> results) {
        return people.findByIds(results.stream().map(ExamResult::personId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
    }

    private static void requireExaminer(Caller caller) {
        if (!caller.isSupervisor()) {
            throw DomainException.forbidden("exam results are recorded and published by a regulator or an operator");
        }
    }
}
