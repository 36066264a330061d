package io.safetyhub.enterprise.majorhazard;

import io.safetyhub.platform.rest.DomainException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Identification (辨识) and grading (分级) of a major-hazard installation per GB 18218-2018: Q from 表1 by name, else
 * from 表2 by category; β from 表3 for the named toxic gases, else from 表4 by category; α from 表5; the grade from
 * 表6. Decimal arithmetic, so that an R of exactly 100 is 一级 and not 99.999… 二级.
 */
public final class MajorHazardCalculator {
    /** Precision of the ratios; the results are shown to 4 places. */
    private static final MathContext MC = MathContext.DECIMAL64;

    /** One substance as declared: what is there, at most how much, and its category when 表1 does not settle it. */
    public record Input(String substance, HazardCategory category, BigDecimal quantity) {
    }

    private MajorHazardCalculator() {
    }

    /** α by the number of people within 500 m of the installation (GB 18218-2018 表5). */
    public static BigDecimal alpha(int peopleWithin500m) {
        if (peopleWithin500m >= 100) {
            return new BigDecimal("2.0");
        }
        if (peopleWithin500m >= 50) {
            return new BigDecimal("1.5");
        }
        if (peopleWithin500m >= 30) {
            return new BigDecimal("1.2");
        }
        if (peopleWithin500m >= 1) {
            return new BigDecimal("1.0");
        }
        return new BigDecimal("0.5");
    }

    /**
     * Assesses an installation. Refuses, naming the field ({@code substances[i].quantity} /
     * {@code substances[i].category}), a quantity that is not positive, a substance 表1 does not name and that comes
     * without a category, and a 表1 substance whose β the tables leave open without one.
     */
    public static Assessment assess(int peopleWithin500m, List<Input> substances) {
        if (peopleWithin500m < 0) {
            throw DomainException.field("peopleWithin500m", "must be 0 or more");
        }
        if (substances == null || substances.isEmpty()) {
            throw DomainException.field("substances", "an installation holds at least one dangerous substance");
        }
        List<Assessment.Line> lines = new ArrayList<>();
        BigDecimal s = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        for (int i = 0; i < substances.size(); i++) {
            Assessment.Line line = line(i, substances.get(i));
            BigDecimal ratio = line.quantity().divide(line.threshold(), MC);
            s = s.add(ratio, MC);
            weighted = weighted.add(line.beta().multiply(ratio, MC), MC);
            lines.add(line);
        }
        BigDecimal alpha = alpha(peopleWithin500m);
        BigDecimal r = alpha.multiply(weighted, MC);
        boolean major = s.compareTo(BigDecimal.ONE) >= 0;
        return new Assessment(round(s), alpha, round(r), major, major ? MajorHazardGrade.of(r) : null, lines);
    }

    private static Assessment.Line line(int i, Input in) {
        String field = "substances[" + i + "]";
        if (in.substance() == null || in.substance().isBlank()) {
            throw DomainException.field(field + ".substance", "must name the substance");
        }
        if (in.quantity() == null || in.quantity().signum() <= 0) {
            throw DomainException.field(field + ".quantity", "the maximum quantity present must be more than 0 t");
        }
        String name = in.substance().strip();
        Optional<NamedSubstance> named = SubstanceTable.find(name);
        BigDecimal threshold;
        String thresholdClause;
        List<String> cas;
        HazardCategory category = in.category();
        if (named.isPresent()) {
            threshold = named.get().threshold();
            thresholdClause = named.get().clause();
            cas = named.get().cas();
            if (category == null) {
                category = named.get().betaCategory();
            }
        } else if (category != null) {
            threshold = category.threshold();
            thresholdClause = category.clause();
            cas = List.of();
        } else {
            throw DomainException.field(field + ".category", "'" + name + "' is not named in GB 18218-2018 表1: give its "
                    + "hazard category (表2, e.g. W5_3)");
        }
        Optional<ToxicGasBeta.Row> gas = ToxicGasBeta.of(name, cas);
        if (gas.isEmpty() && named.isPresent()) {
            gas = ToxicGasBeta.of(named.get().name(), cas);
        }
        if (gas.isPresent()) {
            return new Assessment.Line(name, in.quantity(), threshold, thresholdClause, gas.get().beta(), gas.get().clause());
        }
        if (category == null) {
            throw DomainException.field(field + ".category", "β of '" + name + "' depends on its hazard category (表4): "
                    + "give it");
        }
        return new Assessment.Line(name, in.quantity(), threshold, thresholdClause, category.beta(), category.clause());
    }

    private static BigDecimal round(BigDecimal v) {
        return v.setScale(4, RoundingMode.HALF_UP);
    }
}
