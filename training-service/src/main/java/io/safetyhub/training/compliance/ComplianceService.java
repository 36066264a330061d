package io.safetyhub.training.compliance;

import com.mongodb.client.model.Filters;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.Masks;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.training.certificate.Certificate;
import io.safetyhub.training.certificate.CertificateRepository;
import io.safetyhub.training.certificate.CertificateRules;
import io.safetyhub.training.certificate.CertificateStatus;
import io.safetyhub.training.common.BusinessDay;
import io.safetyhub.training.enterprise.RegisteredEnterprise;
import io.safetyhub.training.enterprise.TenantScope;
import io.safetyhub.training.personnel.EmploymentStatus;
import io.safetyhub.training.personnel.Person;
import io.safetyhub.training.personnel.PersonRepository;
import io.safetyhub.training.personnel.RoleCategory;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.conversions.Bson;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Certificate rate of the three posts and the people working without a certificate, within the caller's scope. */
@ApplicationScoped
public class ComplianceService {
    private final PersonRepository people;
    private final CertificateRepository certificates;
    private final CertificateRules rules;
    private final BusinessDay days;
    private final TenantScope scope;

    public ComplianceService(PersonRepository people, CertificateRepository certificates, CertificateRules rules,
                             BusinessDay days, TenantScope scope) {
        this.people = people;
        this.certificates = certificates;
        this.rules = rules;
        this.days = days;
        this.scope = scope;
    }

    /** How a grouping of enterprises is named. */
    public enum GroupBy { SECTOR, DISTRICT }

    /** One employed three-post person and the best status of a certificate qualifying them (null: none). */
    record Standing(Person person, CertificateStatus best) {
        boolean certified() {
            return best != null && best.usable();
        }
    }

    public List<CertificateRate> byEnterprise(Caller caller) {
        Map<String, RegisteredEnterprise> directory = scope.directory();
        Map<String, List<Standing>> byEnterprise = standings(caller, null).stream()
                .collect(Collectors.groupingBy(s -> s.person().enterpriseId(), TreeMap::new, Collectors.toList()));
        List<CertificateRate> rates = new ArrayList<>();
        byEnterprise.forEach((id, list) -> {
            RegisteredEnterprise e = directory.get(id);
            rates.add(CertificateRate.of(id, e == null ? null : e.name(), e == null ? null : e.district(), list.size(),
                    list.stream().filter(Standing::certified).count()));
        });
        return rates;
    }

    /** Rates per sector (an enterprise of two sectors counts in both) or per district; unknown ones under UNKNOWN. */
    public List<CertificateRate> byGroup(Caller caller, GroupBy groupBy) {
        Map<String, RegisteredEnterprise> directory = scope.directory();
        Map<String, long[]> totals = new TreeMap<>();
        for (Standing s : standings(caller, null)) {
            RegisteredEnterprise e = directory.get(s.person().enterpriseId());
            List<String> keys = e == null ? List.of("UNKNOWN") : groupBy == GroupBy.SECTOR
                    ? (e.sectors().isEmpty() ? List.of("UNKNOWN") : e.sectors()) : List.of(e.district() == null ? "UNKNOWN" : e.district());
            for (String key : keys) {
                long[] t = totals.computeIfAbsent(key, k -> new long[2]);
                t[0]++;
                t[1] += s.certified() ? 1 : 0;
            }
        }
        List<CertificateRate> rates = new ArrayList<>();
        totals.forEach((key, t) -> rates.add(CertificateRate.of(key, null, groupBy == GroupBy.DISTRICT ? key : null, t[0], t[1])));
        return rates;
    }

    /** People in the three posts working without a valid certificate (无证上岗). */
    public Page<Uncertified> uncertified(Caller caller, String enterpriseId, PageRequest page) {
        Map<String, RegisteredEnterprise> directory = scope.directory();
        return Page.slice(standings(caller, enterpriseId).stream().filter(s -> !s.certified()).map(s -> {
            Person p = s.person();
            RegisteredEnterprise e = directory.get(p.enterpriseId());
            String reason = s.best() == null ? "NO_CERTIFICATE" : s.best().name();
            return new Uncertified(p.id(), p.name(), Masks.idCard(p.idCardNumber()), p.post(), p.roleCategory(),
                    p.enterpriseId(), e == null ? null : e.name(), e == null ? null : e.district(), reason);
        }).sorted(Comparator.comparing(Uncertified::enterpriseId).thenComparing(Uncertified::personId)).toList(), page);
    }

    private List<Standing> standings(Caller caller, String enterpriseId) {
        List<Bson> filter = new ArrayList<>();
        scope.visibleEnterprises(caller).ifPresent(ids -> filter.add(Filters.in("enterpriseId", ids)));
        if (enterpriseId != null) {
            filter.add(Filters.eq("enterpriseId", enterpriseId));
        }
        filter.add(Filters.eq("status", EmploymentStatus.EMPLOYED.name()));
        filter.add(Filters.in("roleCategory", List.of(RoleCategory.PRINCIPAL.name(), RoleCategory.SAFETY_MANAGER.name(),
                RoleCategory.SPECIAL_OPERATION_WORKER.name())));
        List<Person> persons = people.findAll(Filters.and(filter));
        Map<String, Person> byId = persons.stream().collect(Collectors.toMap(Person::id, Function.identity()));
        Map<String, List<Certificate>> held = certificates.findAll(Filters.in("personId", byId.keySet())).stream()
                .collect(Collectors.groupingBy(Certificate::personId));
        LocalDate today = days.today();
        return persons.stream().map(p -> new Standing(p, held.getOrDefault(p.id(), List.of()).stream()
                .filter(c -> c.kind().qualifies(p.roleCategory()))
                .map(c -> rules.status(c, today))
                .min(Comparator.naturalOrder()).orElse(null))).toList();
    }
}
