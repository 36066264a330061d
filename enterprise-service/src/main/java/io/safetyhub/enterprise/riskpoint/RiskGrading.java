package io.safetyhub.enterprise.riskpoint;

import io.safetyhub.enterprise.enterprise.RiskColour;
import io.safetyhub.platform.rest.DomainException;

import java.util.List;

/**
 * The colour of a risk point from its method's numbers.
 * <ul>
 * <li>LEC (作业条件危险性评价法): L ∈ {0.1, 0.2, 0.5, 1, 3, 6, 10}, E ∈ {0.5, 1, 2, 3, 6, 10},
 * C ∈ {1, 3, 7, 15, 40, 100}; D = L·E·C: D > 320 red (极其危险), 160 ≤ D ≤ 320 orange (高度危险),
 * 70 ≤ D < 160 yellow (显著危险), D < 70 blue (一般/稍有危险).</li>
 * <li>LS (风险矩阵): L and S each 1–5; R = L·S against the configured lower bounds of red, orange and yellow
 * (default 20, 9, 4: 20–25 red, 9–16 orange, 4–8 yellow, 1–3 blue).</li>
 * </ul>
 */
public final class RiskGrading {
    static final List<Double> LEC_L = List.of(0.1, 0.2, 0.5, 1.0, 3.0, 6.0, 10.0);
    static final List<Double> LEC_E = List.of(0.5, 1.0, 2.0, 3.0, 6.0, 10.0);
    static final List<Double> LEC_C = List.of(1.0, 3.0, 7.0, 15.0, 40.0, 100.0);

    /** Lower bounds of the LS bands: R ≥ red is red, R ≥ orange orange, R ≥ yellow yellow, else blue. */
    public record LsBands(int red, int orange, int yellow) {
        public LsBands {
            if (!(yellow > 1 && yellow < orange && orange < red && red <= 25)) {
                throw new IllegalArgumentException("LS bands must rise: 1 < yellow < orange < red <= 25, got "
                        + yellow + "/" + orange + "/" + red);
            }
        }
    }

    /** The grade of a point: the product and its colour. */
    public record Grade(double value, RiskColour colour) {
    }

    private RiskGrading() {
    }

    /** Grades by the method; a number off its scale is a 400 naming the field ({@code l}, {@code e}, {@code c}, {@code s}). */
    public static Grade grade(GradingMethod method, Double l, Double e, Double c, Double s, LsBands bands) {
        if (method == null) {
            throw DomainException.field("method", "LEC or LS");
        }
        return switch (method) {
            case LEC -> lec(l, e, c);
            case LS -> ls(l, s, bands);
        };
    }

    public static Grade lec(Double l, Double e, Double c) {
        onScale("l", l, LEC_L);
        onScale("e", e, LEC_E);
        onScale("c", c, LEC_C);
        // The scales' products have at most one decimal; rounding keeps 0.1 × 0.5 × … exact enough to compare.
        double d = Math.round(l * e * c * 1000) / 1000.0;
        RiskColour colour = d > 320 ? RiskColour.RED : d >= 160 ? RiskColour.ORANGE : d >= 70 ? RiskColour.YELLOW
                : RiskColour.BLUE;
        return new Grade(d, colour);
    }

    public static Grade ls(Double l, Double s, LsBands bands) {
        int li = oneToFive("l", l);
        int si = oneToFive("s", s);
        int r = li * si;
        RiskColour colour = r >= bands.red() ? RiskColour.RED : r >= bands.orange() ? RiskColour.ORANGE
                : r >= bands.yellow() ? RiskColour.YELLOW : RiskColour.BLUE;
        return new Grade(r, colour);
    }

    private static void onScale(String field, Double v, List<Double> scale) {
        if (v == null || !scale.contains(v)) {
            throw DomainException.field(field, "LEC " + field.toUpperCase() + " must be one of " + scale);
        }
    }

    private static int oneToFive(String field, Double v) {
        if (v == null || v != Math.rint(v) || v < 1 || v > 5) {
            throw DomainException.field(field, "LS " + field.toUpperCase() + " must be a whole number from 1 to 5");
        }
        return v.intValue();
    }

    /** The worse of two colours (red is the worst); null counts as nothing. */
    public static RiskColour worse(RiskColour a, RiskColour b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
