package io.safetyhub.warning.verification;

import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.warning.alarm.AlarmClosed;
import io.safetyhub.warning.alarm.AlarmQueryService;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.enterprise.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * Disposal feedback (核查反馈, issue 23 item 3): a closed alarm of a level that needs it waits for a regulator, who
 * accepts the enterprise's disposal or returns it with a note; the enterprise then submits it again. Regulators decide
 * within their district (and town); the enterprise sees and resubmits its own; every read is scoped like the alarms.
 */
@ApplicationScoped
public class VerificationService {
    private static final Logger LOG = Logger.getLogger(VerificationService.class);
    /** Days of the statistics, as the district counts them. */
    static final ZoneId DAYS = ZoneId.of("Asia/Shanghai");

    private final VerificationRepository repository;
    private final AlarmQueryService alarms;
    private final TenantScope scope;
    private final Set<io.safetyhub.events.AlarmLevel> levels;
    private final Clock clock;

    public VerificationService(VerificationRepository repository, AlarmQueryService alarms, TenantScope scope,
                               WarningConfig config, Clock clock) {
        this.repository = repository;
        this.alarms = alarms;
        this.scope = scope;
        this.levels = Set.copyOf(config.verification().levels());
        this.clock = clock;
    }

    /** Opens the verification of a closed alarm whose level needs one; idempotent. */
    void closed(@Observes AlarmClosed event) {
        if (levels.contains(event.alarm().level()) && repository.insertIfAbsent(VerificationRules.opened(event.alarm()))) {
            LOG.debugf("disposal of alarm %s waits for a regulator's verification", event.alarm().id());
        }
    }

    public Page<Verification> list(Caller caller, Verification.Status status, PageRequest page) {
        TenantScope.Reach reach = scope.reach(caller);
        return Page.of(repository.page(reach, status, page), page, repository.count(reach, status));
    }

    public Verification get(Caller caller, String alarmId) {
        alarms.visible(caller, alarmId);
        return repository.find(alarmId).orElseThrow(() -> DomainException.notFound("verification", alarmId));
    }

    public Verification decide(Caller caller, String alarmId, VerificationRequests.Decision decision) {
        if (!caller.regulator()) {
            throw DomainException.forbidden("regulators verify disposals");
        }
        Verification v = get(caller, alarmId);
        Verification decided = VerificationRules.decide(v, decision.accept(), decision.note(), caller.subject(),
                clock.instant());
        return stored(decided, v.status());
    }

    public Verification resubmit(Caller caller, String alarmId, VerificationRequests.Resubmission request) {
        if (!caller.enterprise()) {
            throw DomainException.forbidden("the enterprise submits its disposal");
        }
        Verification v = get(caller, alarmId);
        Verification again = VerificationRules.resubmit(v, request.cause().name(), request.note(), caller.subject(),
                clock.instant());
        return stored(again, v.status());
    }

    /** Figures over the alarms closed from {@code from} to {@code to} (days in Asia/Shanghai, both included). */
    public VerificationStats stats(Caller caller, LocalDate from, LocalDate to) {
        if (!caller.regulator() && !caller.operator()) {
            throw DomainException.forbidden("verification figures are the regulators'");
        }
        LocalDate today = LocalDate.now(clock.withZone(DAYS));
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.minusDays(29) : from;
        if (first.isAfter(last)) {
            throw DomainException.field("from", "must not be after to (" + last + ")");
        }
        if (first.plusYears(1).isBefore(last)) {
            throw DomainException.field("from", "a period of at most one year");
        }
        Instant start = first.atStartOfDay(DAYS).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(DAYS).toInstant();
        return VerificationRules.stats(repository.closedBetween(scope.reach(caller), start, end));
    }

    private Verification stored(Verification v, Verification.Status expected) {
        if (!repository.replace(v, expected)) {
            throw DomainException.conflict("CHANGED_MEANWHILE", "the verification of alarm " + v.alarmId()
                    + " was changed meanwhile; read it again");
        }
        return v;
    }
}
