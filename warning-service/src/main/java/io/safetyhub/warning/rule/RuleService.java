package io.safetyhub.warning.rule;

import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.enterprise.EnterpriseView;
import io.safetyhub.warning.error.DomainException;
import io.safetyhub.warning.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Overrides of the built-in rules. Operators set them for anyone, an enterprise only for itself, and
 * nobody beyond what the standards allow (e.g. a first-level gas alarm above 25 %LEL).
 */
@ApplicationScoped
public class RuleService {
    private final RuleBook book;
    private final EnterpriseView enterprises;

    public RuleService(RuleBook book, EnterpriseView enterprises) {
        this.book = book;
        this.enterprises = enterprises;
    }

    public List<RuleView> list(Caller caller) {
        List<RuleView> out = new ArrayList<>(book.defaults().rules().stream().map(RuleView::of).toList());
        book.overrides().stream().filter(r -> visible(caller, r.enterpriseId()))
                .sorted(Comparator.comparing(r -> RuleBook.key(r.id(), r.enterpriseId(), r.deviceId())))
                .map(RuleView::of).forEach(out::add);
        return out;
    }

    public RuleView put(Caller caller, RuleOverrideRequest req) {
        if (!caller.operator() && !(caller.enterprise() && req.enterpriseId().equals(caller.enterpriseId()))) {
            throw DomainException.forbidden("only operators, or the enterprise itself, may override its rules");
        }
        Rule base = book.defaults().byId(req.ruleId())
                .orElseThrow(() -> DomainException.invalid("ruleId", "no built-in rule " + req.ruleId()));
        List<Rule.Step> steps = validSteps(base, req);
        String device = req.deviceId() == null || req.deviceId().isBlank() ? null : req.deviceId();
        return RuleView.of(book.put(base.overriddenBy(req.enterpriseId(), device, steps,
                Duration.ofSeconds(req.minDurationSeconds()), req.deadBand())));
    }

    public void delete(Caller caller, String key) {
        Rule r = book.override(key).filter(o -> visible(caller, o.enterpriseId()))
                .orElseThrow(() -> DomainException.notFound("rule override", key));
        if (!caller.operator() && !r.enterpriseId().equals(caller.enterpriseId())) {
            throw DomainException.forbidden("only operators, or the enterprise itself, may remove its overrides");
        }
        book.remove(key);
    }

    /** Levels distinct, thresholds rising with severity, and the first level within the standard's bound. */
    private List<Rule.Step> validSteps(Rule base, RuleOverrideRequest req) {
        Set<AlarmLevel> seen = new HashSet<>();
        List<Rule.Step> steps = new ArrayList<>();
        for (int i = 0; i < req.steps().size(); i++) {
            RuleOverrideRequest.StepInput s = req.steps().get(i);
            if (!seen.add(s.level())) {
                throw DomainException.invalid("steps[" + i + "].level", "level " + s.level() + " appears twice");
            }
            if (!Double.isFinite(s.threshold()) || s.threshold() <= 0) {
                throw DomainException.invalid("steps[" + i + "].threshold", "must be a positive number");
            }
            steps.add(new Rule.Step(s.level(), s.threshold()));
        }
        List<Rule.Step> bySeverity = steps.stream()
                .sorted(Comparator.comparingInt((Rule.Step s) -> s.level().rank()).reversed()).toList();
        for (int i = 1; i < bySeverity.size(); i++) {
            if (bySeverity.get(i).threshold() <= bySeverity.get(i - 1).threshold()) {
                throw DomainException.invalid("steps[" + steps.indexOf(bySeverity.get(i)) + "].threshold",
                        "a more severe level needs a higher threshold");
            }
        }
        double bound = book.defaults().firstLevelBound(base);
        Rule.Step first = bySeverity.get(0);
        if (first.threshold() > bound) {
            throw DomainException.invalid("steps[" + steps.indexOf(first) + "].threshold",
                    "first-level threshold " + first.threshold() + " exceeds " + bound + " allowed by " + base.source());
        }
        return bySeverity;
    }

    private boolean visible(Caller caller, String enterpriseId) {
        if (caller.confinedEnterprise() != null) {
            return caller.confinedEnterprise().equals(enterpriseId);
        }
        if (caller.confinedDistrict() != null) {
            return caller.confinedDistrict().equals(enterprises.districtOf(enterpriseId));
        }
        return true;
    }
}
