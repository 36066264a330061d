package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import io.safetyhub.warning.rule.Rule;
import io.safetyhub.warning.rule.StandardDefaults;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns readings into alarm changes: one open alarm per device and rule, raised at the most severe step
 * reached and raised further when the value worsens; a better value never lowers it.
 */
@ApplicationScoped
public class AlarmEngine {
    private static final Logger LOG = Logger.getLogger(AlarmEngine.class);

    private final StandardDefaults rules;
    private final AlarmRepository repository;
    private final Clock clock;

    public AlarmEngine(StandardDefaults rules, AlarmRepository repository, Clock clock) {
        this.rules = rules;
        this.repository = repository;
        this.clock = clock;
    }

    public List<AlarmChange> onReading(Reading reading) {
        List<AlarmChange> changes = new ArrayList<>();
        if (reading.quality() == Quality.BAD || !Double.isFinite(reading.value())) {
            return changes;
        }
        for (Rule rule : rules.rulesFor(reading.metric(), reading.deviceKind())) {
            apply(rule, reading).ifPresent(changes::add);
        }
        return changes;
    }

    private Optional<AlarmChange> apply(Rule rule, Reading reading) {
        Optional<Rule.Step> reached = rule.evaluate(reading.value());
        Optional<Alarm> open = repository.findOpen(reading.deviceId(), rule.id());
        if (open.isPresent()) {
            Alarm alarm = open.get();
            if (reading.idempotencyKey().equals(alarm.triggerKey())) {
                return Optional.empty(); // an exact replay of the last reading applied
            }
            if (reached.isPresent() && reached.get().level().isMoreSevereThan(alarm.level())) {
                Alarm worse = alarm.worsened(reached.get().level(), reached.get().threshold(), reading.value(),
                        clock.instant(), reading.idempotencyKey(), message(rule, reached.get(), reading));
                repository.replace(worse);
                LOG.infof("alarm %s raised to level %s (%s %.2f %s) for enterprise %s", worse.id(),
                        worse.level().roman(), reading.metric(), reading.value(), reading.unit(), worse.enterpriseId());
                return Optional.of(new AlarmChange(worse, AlarmEvent.Change.LEVEL_RAISED));
            }
            repository.replace(alarm.updatedValue(reading.value(), clock.instant(), reading.idempotencyKey()));
            return Optional.empty();
        }
        if (reached.isEmpty()) {
            return Optional.empty();
        }
        Rule.Step step = reached.get();
        Alarm alarm = new Alarm(Alarm.idFor(reading.deviceId(), rule.id(), reading.sourceTimestamp()),
                reading.deviceId(), reading.deviceKind(), reading.enterpriseId(), rule.id(), reading.metric(),
                AlarmEvent.Kind.THRESHOLD, step.level(), AlarmEvent.Status.ACTIVE, reading.value(), reading.value(),
                reading.unit(), step.threshold(), reading.sourceTimestamp(), clock.instant(),
                reading.idempotencyKey(), message(rule, step, reading));
        if (!repository.insert(alarm)) {
            return Optional.empty(); // raised already by an earlier delivery of this reading
        }
        LOG.infof("alarm %s raised at level %s (%s %.2f %s >= %.2f) for enterprise %s", alarm.id(),
                step.level().roman(), reading.metric(), reading.value(), reading.unit(), step.threshold(),
                reading.enterpriseId());
        return Optional.of(new AlarmChange(alarm, AlarmEvent.Change.RAISED));
    }

    private static String message(Rule rule, Rule.Step step, Reading reading) {
        return String.format("%s %.2f %s reached level %s threshold %.2f (%s)", reading.metric(), reading.value(),
                reading.unit() == null ? "" : reading.unit(), step.level().roman(), step.threshold(), rule.source());
    }
}
