package io.safetyhub.emergency.accident;

import io.safetyhub.emergency.config.EmergencyConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * 国务院令第493号 第三条: each of deaths, serious injuries and direct loss gives a grade, and the highest of the three
 * decides. "以上" includes the number and "以下" excludes it (本条所称的"以上"包括本数，所称的"以下"不包括本数), so
 * every threshold is the first value of the higher grade: 3 deaths is 较大, 2 is 一般.
 */
@ApplicationScoped
public class AccidentGrading {
    private final EmergencyConfig.Accidents rules;

    public AccidentGrading(EmergencyConfig config) {
        this.rules = config.accidents();
    }

    public AccidentGrade grade(Casualties c) {
        AccidentGrade byDeaths = step(c.deaths(), rules.largerDeaths(), rules.majorDeaths(), rules.extraordinaryDeaths());
        AccidentGrade byInjuries = step(c.seriousInjuries(), rules.largerSeriousInjuries(), rules.majorSeriousInjuries(),
                rules.extraordinarySeriousInjuries());
        AccidentGrade byLoss = step(c.directLossYuan(), rules.largerLossYuan(), rules.majorLossYuan(),
                rules.extraordinaryLossYuan());
        return byDeaths.atLeast(byInjuries).atLeast(byLoss);
    }

    private static AccidentGrade step(long value, long larger, long major, long extraordinary) {
        if (value >= extraordinary) {
            return AccidentGrade.EXTRAORDINARY;
        }
        if (value >= major) {
            return AccidentGrade.MAJOR;
        }
        return value >= larger ? AccidentGrade.LARGER : AccidentGrade.GENERAL;
    }
}
