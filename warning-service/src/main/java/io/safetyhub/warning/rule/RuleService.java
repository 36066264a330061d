package io.safetyhub.warning.rule;

import io.safetyhub.events.AlarmLevel;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.warning.enterprise.TenantScope;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.Strings;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Overrides of the built-in rules, and rules created for metrics without a national default. Operators
 * set them for anyone, an enterprise only for itself, and nobody beyond what the standards allow: an override
 * only tightens ({@link OverridePolicy}). Every change is audited (who, when, before, after) for the regulators.
 */
@ApplicationScoped
public class RuleService {
    private final RuleBook book;
    private final TenantScope scope;
    private final DeviceDirectory devices;
    private final OverridePolicy policy;
    private final RuleAuditRepository audit;
    private final Clock clock;

    public RuleService(RuleBook book, TenantScope scope, DeviceDirectory devices, OverridePolicy policy,
                       RuleAuditRepository audit, Clock clock) {
        this.book = book;
        this.scope = scope;
        this.devices = devices;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** The audit of rule changes within the caller's scope (a district regulator: its district's), newest first. */
    public Page<RuleAudit> audit(Caller caller, PageRequest page) {
        TenantScope.Reach reach = scope.reach(caller);
        return Page.of(audit.page(reach, page), page, audit.count(reach));
    }

    /** The built-in rules first, then the overrides and created rules within the caller's scope, by key. */
    public Page<RuleView> list(Caller caller, PageRequest page) {
        List<RuleView> out = new ArrayList<>(book.defaults().rules().stream().map(RuleView::of).toList());
        book.overrides().stream().filter(r -> scope.visible(caller, r.enterpriseId()))
                .sorted(Comparator.comparing(r -> RuleBook.key(r.id(), r.enterpriseId(), r.deviceId())))
                .map(RuleView::of).forEach(out::add);
        return Page.slice(out, page);
    }

    public RuleView put(Caller caller, RuleOverrideRequest req) {
        if (!caller.operator() && !(caller.enterprise() && req.enterpriseId().equals(caller.enterpriseId()))) {
            throw DomainException.forbidden("only operators, or the enterprise itself, may override its rules");
        }
        Rule base = book.defaults().byId(req.ruleId())
                .orElseThrow(() -> DomainException.field("ruleId", "no built-in rule " + req.ruleId()));
        List<Rule.Step> steps = validSteps(req.steps(), base.comparison(), true);
        policy.check(base, req.steps(), req.minDurationSeconds());
        String device = Strings.blankToNull(req.deviceId());
        ownDevice(req.enterpriseId(), device);
        return changed(caller, RuleAudit.Action.SET, base.overriddenBy(req.enterpriseId(), device, steps,
                Duration.ofSeconds(req.minDurationSeconds()), req.deadBand()));
    }

    /**
     * Creates (or replaces) a rule for a metric without a national default. Metrics with a built-in rule are
     * refused here: their thresholds are bounded by the standard, so they are changed by an override.
     */
    public RuleView create(Caller caller, CustomRuleRequest req) {
        if (!caller.operator() && !(caller.enterprise() && req.enterpriseId().equals(caller.enterpriseId()))) {
            throw DomainException.forbidden("only operators, or the enterprise itself, may create its rules");
        }
        if (book.defaults().rules().stream().anyMatch(r -> r.metric().equals(req.metric()))) {
            throw DomainException.field("metric", req.metric() + " has a built-in rule; override it with PUT /api/rules");
        }
        String device = Strings.blankToNull(req.deviceId());
        ownDevice(req.enterpriseId(), device);
        List<Rule.Step> steps = validSteps(req.steps(), req.comparison(), false);
        String kind = Strings.blankToNull(req.deviceKind());
        return changed(caller, RuleAudit.Action.CREATE, Rule.custom(req.metric(), req.comparison(), kind,
                req.enterpriseId(), device, steps, Duration.ofSeconds(req.minDurationSeconds()), req.deadBand()));
    }

    public synchronized void delete(Caller caller, String key) {
        Rule r = book.override(key).filter(o -> scope.visible(caller, o.enterpriseId()))
                .orElseThrow(() -> DomainException.notFound("rule override", key));
        if (!caller.operator() && !r.enterpriseId().equals(caller.enterpriseId())) {
            throw DomainException.forbidden("only operators, or the enterprise itself, may remove its overrides");
        }
        book.remove(key);
        record(caller, RuleAudit.Action.DELETE, key, r, RuleView.of(r), null);
    }

    /** A device this service has heard from under another enterprise is out of the caller's scope: 404. */
    private void ownDevice(String enterpriseId, String device) {
        if (device != null && devices.enterpriseOf(device).filter(e -> !e.equals(enterpriseId)).isPresent()) {
            throw DomainException.notFound("device", device);
        }
    }

    /** Stores the rule and audits it against what it replaced (serialised, so before and after pair up). */
    private synchronized RuleView changed(Caller caller, RuleAudit.Action action, Rule rule) {
        String key = RuleBook.key(rule.id(), rule.enterpriseId(), rule.deviceId());
        RuleView before = book.override(key).map(RuleView::of).orElse(null);
        RuleView after = RuleView.of(book.put(rule));
        record(caller, action, key, rule, before, after);
        return after;
    }

    private void record(Caller caller, RuleAudit.Action action, String key, Rule rule, RuleView before,
                        RuleView after) {
        audit.append(new RuleAudit(UUID.randomUUID().toString(), clock.instant(), caller.subject(), caller.role(),
                action, key, rule.enterpriseId(), rule.deviceId(), before, after));
    }

    /**
     * Levels distinct and thresholds finite (positive for the built-in rules' quantities), ordered least
     * severe first; each more severe level further in the comparison's direction (higher for HIGH, lower
     * for LOW), so the most severe step reached is also the furthest.
     */
    private static List<Rule.Step> validSteps(List<RuleOverrideRequest.StepInput> input, Rule.Comparison comparison,
                                              boolean positive) {
        Set<AlarmLevel> seen = new HashSet<>();
        List<Rule.Step> steps = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            RuleOverrideRequest.StepInput s = input.get(i);
            if (!seen.add(s.level())) {
                throw DomainException.field("steps[" + i + "].level", "level " + s.level() + " appears twice");
            }
            if (!Double.isFinite(s.threshold()) || (positive && s.threshold() <= 0)) {
                throw DomainException.field("steps[" + i + "].threshold",
                        positive ? "must be a positive number" : "must be a finite number");
            }
            steps.add(new Rule.Step(s.level(), s.threshold()));
        }
        List<Rule.Step> bySeverity = steps.stream()
                .sorted(Comparator.comparingInt((Rule.Step s) -> s.level().rank()).reversed()).toList();
        for (int i = 1; i < bySeverity.size(); i++) {
            double previous = bySeverity.get(i - 1).threshold();
            double current = bySeverity.get(i).threshold();
            boolean further = comparison == Rule.Comparison.HIGH ? current > previous : current < previous;
            if (!further) {
                throw DomainException.field("steps[" + steps.indexOf(bySeverity.get(i)) + "].threshold",
                        comparison == Rule.Comparison.HIGH ? "a more severe level needs a higher threshold"
                                : "a more severe level needs a lower threshold (LOW rule)");
            }
        }
        return bySeverity;
    }
}
