package io.safetyhub.training.certificate;

import com.mongodb.client.model.Filters;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.training.common.BusinessDay;
import io.safetyhub.training.enterprise.RegisteredEnterprise;
import io.safetyhub.training.enterprise.TenantScope;
import io.safetyhub.training.personnel.Person;
import io.safetyhub.training.personnel.PersonRepository;
import io.safetyhub.training.personnel.PersonService;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Certificates: recorded and renewed by the holder's enterprise or an operator, revoked by a regulator of the
 * enterprise's district or an operator, read by everyone in scope. A renewal keeps the previous term.
 */
@ApplicationScoped
public class CertificateService {
    private static final Logger LOG = Logger.getLogger(CertificateService.class);

    private final CertificateRepository repository;
    private final CertificateRules rules;
    private final CertificateMapper mapper;
    private final PersonService personnel;
    private final PersonRepository people;
    private final TenantScope scope;
    private final Clock clock;
    private final BusinessDay days;

    public CertificateService(CertificateRepository repository, CertificateRules rules, CertificateMapper mapper,
                              PersonService personnel, PersonRepository people, TenantScope scope, Clock clock,
                              BusinessDay days) {
        this.repository = repository;
        this.rules = rules;
        this.mapper = mapper;
        this.personnel = personnel;
        this.people = people;
        this.scope = scope;
        this.clock = clock;
        this.days = days;
    }

    /** Filters of the certificate list; null means "any". */
    public record Filter(String enterpriseId, String personId, CertificateKind kind, CertificateStatus status) {
    }

    public LocalDate today() {
        return days.today();
    }

    public Page<CertificateView> list(Caller caller, Filter filter, PageRequest page) {
        LocalDate today = today();
        List<Certificate> matching = repository.findAll(toBson(scope.visibleEnterprises(caller), filter)).stream()
                .filter(c -> filter.status() == null || rules.status(c, today) == filter.status()).toList();
        Page<Certificate> slice = Page.slice(matching, page);
        return Page.of(views(slice.items(), today), page, slice.total());
    }

    public CertificateView get(Caller caller, String id) {
        return view(visible(caller, id));
    }

    public CertificateView create(Caller caller, CertificateRequest request) {
        Person person = personnel.visible(caller, request.personId());
        scope.requireStaffWriter(caller, person.enterpriseId());
        LocalDate validUntil = request.validUntil() != null ? request.validUntil()
                : rules.defaultValidUntil(request.kind(), request.issuedOn());
        LocalDate nextReview = request.nextReview() != null ? request.nextReview()
                : rules.defaultNextReview(request.kind(), request.issuedOn(), validUntil);
        rules.checkDates(request.issuedOn(), validUntil, nextReview, today());
        Certificate certificate = new Certificate("c-" + UUID.randomUUID().toString().substring(0, 12), person.id(),
                person.enterpriseId(), request.kind(), request.number().trim(), request.authority().trim(),
                request.issuedOn(), validUntil, nextReview, false, null, null, null, List.of(), clock.instant());
        repository.save(certificate);
        LOG.infof("certificate %s (%s) recorded for %s by %s", certificate.id(), certificate.kind(), person.id(), caller.subject());
        return view(certificate);
    }

    public CertificateView renew(Caller caller, String id, RenewRequest request) {
        Certificate current = visible(caller, id);
        scope.requireStaffWriter(caller, current.enterpriseId());
        if (current.revoked()) {
            throw DomainException.conflict("CERTIFICATE_REVOKED", "a revoked certificate cannot be renewed; record a new one");
        }
        rules.checkRenewal(current, today());
        LocalDate validUntil = request.validUntil() != null ? request.validUntil()
                : rules.defaultValidUntil(current.kind(), request.issuedOn());
        LocalDate nextReview = request.nextReview() != null ? request.nextReview()
                : rules.defaultNextReview(current.kind(), request.issuedOn(), validUntil);
        rules.checkDates(request.issuedOn(), validUntil, nextReview, today());
        if (!request.issuedOn().isAfter(current.issuedOn())) {
            throw DomainException.field("INVALID_DATES", "issuedOn", "a renewal must be issued after the current term ("
                    + current.issuedOn() + ")");
        }
        List<Term> history = new ArrayList<>(current.history());
        history.add(new Term(current.number(), current.authority(), current.issuedOn(), current.validUntil(),
                current.nextReview(), clock.instant(), caller.subject()));
        Certificate renewed = new Certificate(current.id(), current.personId(), current.enterpriseId(), current.kind(),
                blank(request.number()) ? current.number() : request.number().trim(),
                blank(request.authority()) ? current.authority() : request.authority().trim(),
                request.issuedOn(), validUntil, nextReview, false, null, null, null, history, current.createdAt());
        repository.save(renewed);
        LOG.infof("certificate %s renewed until %s by %s", id, validUntil, caller.subject());
        return view(renewed);
    }

    public CertificateView revoke(Caller caller, String id, RevokeRequest request) {
        Certificate current = visible(caller, id);
        if (!caller.isSupervisor()) {
            throw DomainException.forbidden("only a regulator or an operator revokes a certificate");
        }
        if (current.revoked()) {
            throw DomainException.conflict("CERTIFICATE_REVOKED", "the certificate is already revoked");
        }
        Certificate revoked = new Certificate(current.id(), current.personId(), current.enterpriseId(), current.kind(),
                current.number(), current.authority(), current.issuedOn(), current.validUntil(), current.nextReview(),
                true, request.reason().trim(), clock.instant(), caller.subject(), current.history(), current.createdAt());
        repository.save(revoked);
        LOG.infof("certificate %s revoked by %s", id, caller.subject());
        return view(revoked);
    }

    private Certificate visible(Caller caller, String id) {
        Certificate c = repository.findById(id).orElseThrow(() -> DomainException.notFound("certificate", id));
        scope.requireVisible(caller, c.enterpriseId(), "certificate", id);
        return c;
    }

    private CertificateView view(Certificate c) {
        return views(List.of(c), today()).get(0);
    }

    private List<CertificateView> views(List<Certificate> certificates, LocalDate today) {
        Map<String, Person> byId = people.findByIds(certificates.stream().map(Certificate::personId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Person::id, Function.identity()));
        Map<String, RegisteredEnterprise> directory = scope.directory();
        return certificates.stream().map(c -> mapper.toView(c, rules.status(c, today), today, byId.get(c.personId()),
                directory.get(c.enterpriseId()))).toList();
    }

    private static Bson toBson(Optional<Set<String>> visible, Filter filter) {
        List<Bson> clauses = new ArrayList<>();
        visible.ifPresent(ids -> clauses.add(Filters.in("enterpriseId", ids)));
        if (filter.enterpriseId() != null) {
            clauses.add(Filters.eq("enterpriseId", filter.enterpriseId()));
        }
        if (filter.personId() != null) {
            clauses.add(Filters.eq("personId", filter.personId()));
        }
        if (filter.kind() != null) {
            clauses.add(Filters.eq("kind", filter.kind().name()));
        }
        return clauses.isEmpty() ? new Document() : Filters.and(clauses);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
