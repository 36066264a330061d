package io.safetyhub.emergency.accident;

import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import io.safetyhub.emergency.common.Jurisdiction;
import io.safetyhub.emergency.common.Limits;
import io.safetyhub.emergency.common.Today;
import io.safetyhub.emergency.enterprise.EnterpriseDirectory;
import io.safetyhub.emergency.enterprise.KnownEnterprise;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Accident reports and their life. Enterprises report their own accidents and their casualty changes; regulators
 * report for enterprises of their area, record each level the report reached, investigate and close. Operators read.
 */
@ApplicationScoped
public class AccidentService {
    private static final Logger LOG = Logger.getLogger(AccidentService.class);

    private final AccidentRepository repository;
    private final AccidentGrading grading;
    private final SupplementWindow window;
    private final AccidentMapper mapper;
    private final EnterpriseDirectory directory;
    private final Today today;
    private final MeterRegistry meters;

    public AccidentService(AccidentRepository repository, AccidentGrading grading, SupplementWindow window,
                           AccidentMapper mapper, EnterpriseDirectory directory, Today today, MeterRegistry meters) {
        this.repository = repository;
        this.grading = grading;
        this.window = window;
        this.mapper = mapper;
        this.directory = directory;
        this.today = today;
        this.meters = meters;
    }

    public record Filter(String district, AccidentGrade grade, AccidentStatus status, Integer year, Boolean late) {
    }

    public Page<AccidentView> list(Caller caller, Filter filter, PageRequest page) {
        List<Bson> parts = new ArrayList<>(List.of(Jurisdiction.filter(caller)));
        if (filter.district() != null) {
            parts.add(Filters.eq("district", filter.district()));
        }
        if (filter.grade() != null) {
            parts.add(Filters.eq("grade", filter.grade().name()));
        }
        if (filter.status() != null) {
            parts.add(Filters.eq("status", filter.status().name()));
        }
        if (filter.year() != null) {
            parts.add(Filters.and(Filters.gte("occurredOn", filter.year() + "-01-01"), Filters.lte("occurredOn", filter.year() + "-12-31")));
        }
        Instant now = today.now();
        List<AccidentView> views = repository.find(Filters.and(parts)).stream().map(a -> mapper.view(a, now))
                .filter(v -> filter.late() == null || v.late() == filter.late()).toList();
        return Page.slice(views, page);
    }

    public AccidentView get(Caller caller, String id) {
        return mapper.view(visible(caller, id), today.now());
    }

    public AccidentView report(Caller caller, AccidentRequests.Report request) {
        KnownEnterprise enterprise = reportingEnterprise(caller, request.enterpriseId());
        Instant now = today.now();
        Instant occurredAt = second(request.occurredAt());
        Limits.within("occurredAt", occurredAt, Limits.EARLIEST.atStartOfDay(today.zone()).toInstant(), now);
        Instant reportedAt = request.reportedAt() == null ? now : second(request.reportedAt());
        Limits.within("reportedAt", reportedAt, occurredAt, now);
        Casualties casualties = new Casualties(request.deaths(), request.seriousInjuries(), request.directLossYuan());
        AccidentGrade grade = grading.grade(casualties);
        Accident accident = new Accident("acc-" + UUID.randomUUID(), 1, enterprise.id(), enterprise.name(),
                enterprise.district(), enterprise.town(), sector(request.sector(), enterprise), request.kind(), occurredAt,
                today.dateOf(occurredAt), request.place().strip(), request.summary(), casualties, grade,
                List.of(new ReportingDeadlines.GradeAt(grade, occurredAt)),
                List.of(new Accident.LevelReport(ReportLevel.COUNTY, reportedAt, caller.subject())), List.of(),
                AccidentStatus.REPORTED, null, null, caller.subject(), now);
        repository.insert(accident);
        AccidentView view = mapper.view(accident, now);
        // reported accidents by grade and by whether the county had them within the hour: what the regulator tracks
        meters.counter("safetyhub.emergency.accidents.reported", "grade", grade.name(), "late", Boolean.toString(view.late()))
                .increment();
        LOG.infof("accident %s of %s in %s reported: grade %s, %d dead%s", accident.id(), enterprise.id(),
                enterprise.district(), grade, casualties.deaths(), view.late() ? ", reported LATE" : "");
        return view;
    }

    /** The report reached the next level; each level only after the one below, and only as far as the grade requires. */
    public AccidentView levelUp(Caller caller, String id, AccidentRequests.LevelUp request) {
        Accident a = visible(caller, id);
        Jurisdiction.requireRegulatorOf(caller, a.district(), a.town(), "accident", id);
        Instant now = today.now();
        List<ReportingDeadlines.Step> steps = mapper.steps(a, now);
        ReportingDeadlines.Step step = steps.stream().filter(s -> s.level() == request.level()).findFirst()
                .orElseThrow(() -> DomainException.field("LEVEL_NOT_REQUIRED", "level",
                        "a " + a.grade() + " accident is not reported to " + request.level()));
        if (step.reportedAt() != null) {
            throw DomainException.field("ALREADY_REPORTED", "level", request.level() + " received the report at " + step.reportedAt());
        }
        int index = steps.indexOf(step);
        Instant below = index == 0 ? a.occurredAt() : steps.get(index - 1).reportedAt();
        if (below == null) {
            throw DomainException.field("PREVIOUS_LEVEL_MISSING", "level", steps.get(index - 1).level() + " has not received the report yet");
        }
        Instant at = request.reportedAt() == null ? now : second(request.reportedAt());
        Limits.within("reportedAt", at, below, now);
        List<Accident.LevelReport> reports = new ArrayList<>(a.reports());
        reports.add(new Accident.LevelReport(request.level(), at, caller.subject()));
        Accident changed = copy(a, a.casualties(), a.grade(), a.grades(), reports, a.supplements(), a.status(), a.investigation(), a.closure());
        repository.replace(changed, a.version());
        return mapper.view(changed, now);
    }

    /** 补报 within the window: the new figures, re-graded; the change is kept with the grade before and after. */
    public AccidentView changeCasualties(Caller caller, String id, AccidentRequests.CasualtyChange request) {
        Accident a = visible(caller, id);
        requireReporter(caller, a);
        if (a.status() == AccidentStatus.CLOSED) {
            throw DomainException.conflict("ACCIDENT_CLOSED", "accident " + id + " is closed; its figures are final");
        }
        Instant now = today.now();
        Instant at = request.reportedAt() == null ? now : second(request.reportedAt());
        Limits.within("reportedAt", at, a.occurredAt(), now);
        if (!window.open(a.occurredOn(), a.kind(), today.dateOf(at))) {
            throw new DomainException(409, "SUPPLEMENT_WINDOW_CLOSED", "casualty changes of accident " + id + " were taken until "
                    + window.lastDay(a.occurredOn(), a.kind()) + " (国务院令第493号 第十三条)",
                    List.of(new io.safetyhub.platform.Problem.FieldError("reportedAt",
                            "after " + window.lastDay(a.occurredOn(), a.kind()))));
        }
        Casualties figures = new Casualties(request.deaths(), request.seriousInjuries(), request.directLossYuan());
        AccidentGrade grade = grading.grade(figures);
        List<ReportingDeadlines.GradeAt> grades = new ArrayList<>(a.grades());
        if (grades.stream().noneMatch(g -> g.grade() == grade)) {
            grades.add(new ReportingDeadlines.GradeAt(grade, at));
        }
        List<Accident.Supplement> supplements = new ArrayList<>(a.supplements());
        supplements.add(new Accident.Supplement(at, figures, a.grade(), grade, request.note(), caller.subject()));
        Accident changed = copy(a, figures, grade, grades, a.reports(), supplements, a.status(), a.investigation(), a.closure());
        repository.replace(changed, a.version());
        if (grade != a.grade()) {
            LOG.infof("accident %s re-graded %s -> %s by a supplementary report", id, a.grade(), grade);
        }
        return mapper.view(changed, now);
    }

    public AccidentView investigate(Caller caller, String id, AccidentRequests.Investigate request) {
        Accident a = visible(caller, id);
        Jurisdiction.requireRegulatorOf(caller, a.district(), a.town(), "accident", id);
        LocalDate started = request.startedOn() == null ? today.date() : request.startedOn();
        Limits.within("startedOn", started, a.occurredOn(), today.date());
        AccidentStatus next = a.status().moveTo(AccidentStatus.INVESTIGATING);
        Accident changed = copy(a, a.casualties(), a.grade(), a.grades(), a.reports(), a.supplements(), next,
                new Accident.Investigation(request.team().strip(), started, caller.subject()), null);
        repository.replace(changed, a.version());
        return mapper.view(changed, today.now());
    }

    public AccidentView close(Caller caller, String id, AccidentRequests.Close request) {
        Accident a = visible(caller, id);
        Jurisdiction.requireRegulatorOf(caller, a.district(), a.town(), "accident", id);
        LocalDate closed = request.closedOn() == null ? today.date() : request.closedOn();
        LocalDate from = a.investigation() == null ? a.occurredOn() : a.investigation().startedOn();
        Limits.within("closedOn", closed, from, today.date());
        AccidentStatus next = a.status().moveTo(AccidentStatus.CLOSED);
        Accident changed = copy(a, a.casualties(), a.grade(), a.grades(), a.reports(), a.supplements(), next,
                a.investigation(), new Accident.Closure(closed, request.conclusion().strip(), caller.subject()));
        repository.replace(changed, a.version());
        LOG.infof("accident %s closed on %s", id, closed);
        return mapper.view(changed, today.now());
    }

    private Accident visible(Caller caller, String id) {
        Accident a = repository.byId(id).orElseThrow(() -> DomainException.notFound("accident", id));
        Jurisdiction.requireSees(caller, a.enterpriseId(), a.district(), a.town(), "accident", id);
        return a;
    }

    /** The enterprise itself or a regulator of its area reports; operators keep the platform, not the records. */
    private static void requireReporter(Caller caller, Accident a) {
        if (caller.confinedEnterprise() == null && !caller.regulator()) {
            throw DomainException.forbidden("accidents are reported by the enterprise or a regulator");
        }
    }

    private KnownEnterprise reportingEnterprise(Caller caller, String requested) {
        if (caller.confinedEnterprise() != null) {
            String own = caller.confinedEnterprise();
            if (requested != null && !requested.equals(own)) {
                throw DomainException.notFound("enterprise", requested);
            }
            return directory.byId(own).orElseThrow(() -> DomainException.forbidden(
                    "enterprise " + own + " is not in the registry view yet; it cannot report"));
        }
        if (!caller.regulator()) {
            throw DomainException.forbidden("accidents are reported by the enterprise or a regulator");
        }
        if (requested == null) {
            throw DomainException.field("enterpriseId", "a regulator names the enterprise");
        }
        KnownEnterprise e = directory.byId(requested).orElseThrow(() -> DomainException.notFound("enterprise", requested));
        if (!caller.sees(e.id(), e.district(), e.town(), null)) {
            throw DomainException.notFound("enterprise", requested);
        }
        return e;
    }

    private static String sector(String requested, KnownEnterprise e) {
        if (requested != null) {
            if (!e.sectors().isEmpty() && !e.sectors().contains(requested)) {
                throw DomainException.field("sector", "must be one of the enterprise's sectors " + e.sectors());
            }
            return requested;
        }
        if (e.sectors().size() != 1) {
            throw DomainException.field("sector", "required: the enterprise has " + e.sectors().size() + " sectors " + e.sectors());
        }
        return e.sectors().get(0);
    }

    private static Instant second(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static Accident copy(Accident a, Casualties casualties, AccidentGrade grade, List<ReportingDeadlines.GradeAt> grades,
                                 List<Accident.LevelReport> reports, List<Accident.Supplement> supplements,
                                 AccidentStatus status, Accident.Investigation investigation, Accident.Closure closure) {
        return new Accident(a.id(), a.version() + 1, a.enterpriseId(), a.enterpriseName(), a.district(), a.town(), a.sector(),
                a.kind(), a.occurredAt(), a.occurredOn(), a.place(), a.summary(), casualties, grade, grades, reports,
                supplements, status, investigation, closure, a.reportedBy(), a.recordedAt());
    }
}
