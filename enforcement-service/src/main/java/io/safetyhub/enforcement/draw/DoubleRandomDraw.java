package io.safetyhub.enforcement.draw;

import io.safetyhub.platform.rest.DomainException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The double-random draw (双随机: 随机抽取检查对象, 随机选派执法检查人员) as a pure function of its inputs, so that anyone
 * holding the stored seed and inputs gets the same result again.
 * <ol>
 *   <li>Inputs are put in a fixed order first (candidates by enterprise id and sector, inspectors by id), so the
 *       result does not depend on the order a database returned them in.</li>
 *   <li>For each quota in the plan's order, enterprises of that sector are picked one at a time, without
 *       replacement, each with a chance proportional to its risk colour's weight (roulette over whole numbers drawn
 *       from {@link Random}, whose algorithm the Java specification fixes). An enterprise picked under one quota is
 *       not picked again under another.</li>
 *   <li>For each picked enterprise, in pick order, {@code inspectorsPerEnterprise} (at least two: 行政处罚法 第四十二条)
 *       inspectors are picked uniformly from those qualified for the sector who have declared no conflict with the
 *       enterprise (回避) and were not on its previous team (不得连续两次对同一对象实施检查).</li>
 * </ol>
 * A quota larger than the roster takes the whole roster of its sector; an empty roster, or an enterprise nobody
 * may be sent to, refuses the draw naming the field at fault.
 */
public final class DoubleRandomDraw {
    /** Written into every draw, so that a later change of algorithm cannot silently re-interpret old seeds. */
    public static final String ALGORITHM = "safetyhub-draw-v2: java.util.Random(seed), roulette weighted by colour x credit grade, partial Fisher-Yates";

    private DoubleRandomDraw() {
    }

    /**
     * One enterprise of the roster under one of its sectors, with its credit grade (信易+安全; null in draws stored
     * before grades were drawn on, which therefore re-run exactly as they ran).
     */
    public record Candidate(String enterpriseId, String sector, String riskColour, String creditGrade) {
        public Candidate(String enterpriseId, String sector, String riskColour) {
            this(enterpriseId, sector, riskColour, null);
        }
    }

    /** One active inspector: the sectors they may inspect, the enterprises they must not. */
    public record Staff(String inspectorId, List<String> sectors, List<String> conflicts) {
        public Staff {
            sectors = List.copyOf(sectors);
            conflicts = List.copyOf(conflicts);
        }
    }

    public record Quota(String sector, int count) {
    }

    /** The inspectors last sent to an enterprise by an effective draw. */
    public record PreviousTeam(String enterpriseId, List<String> inspectorIds) {
        public PreviousTeam {
            inspectorIds = List.copyOf(inspectorIds);
        }
    }

    /**
     * Everything the draw depends on; stored with the draw so that it can be re-run. {@code gradeFactors} multiply
     * the colour's weight per credit grade (good credit, fewer inspections); a grade not in it counts 1.
     */
    public record Inputs(long seed, List<Quota> quotas, Map<String, Integer> weights, int unratedWeight,
                         List<Candidate> candidates, List<Staff> inspectors, List<PreviousTeam> previousTeams,
                         int inspectorsPerEnterprise, Map<String, Integer> gradeFactors) {
        public Inputs(long seed, List<Quota> quotas, Map<String, Integer> weights, int unratedWeight,
                      List<Candidate> candidates, List<Staff> inspectors, List<PreviousTeam> previousTeams,
                      int inspectorsPerEnterprise) {
            this(seed, quotas, weights, unratedWeight, candidates, inspectors, previousTeams, inspectorsPerEnterprise, Map.of());
        }

        public Inputs {
            gradeFactors = gradeFactors == null ? Map.of() : Map.copyOf(gradeFactors);
            quotas = List.copyOf(quotas);
            weights = Map.copyOf(weights);
            candidates = List.copyOf(candidates);
            inspectors = List.copyOf(inspectors);
            previousTeams = List.copyOf(previousTeams);
        }
    }

    /** One enterprise drawn, and the inspectors drawn for it (sorted by id). */
    public record Assignment(String enterpriseId, String sector, List<String> inspectorIds) {
        public Assignment {
            inspectorIds = List.copyOf(inspectorIds);
        }
    }

    public static List<Assignment> draw(Inputs in) {
        if (in.inspectorsPerEnterprise() < 2) {
            throw new IllegalArgumentException("at least two inspectors go to each enterprise (行政处罚法 第四十二条)");
        }
        if (in.candidates().isEmpty()) {
            throw DomainException.field("EMPTY_ROSTER", "roster", "no drawable enterprise of the plan's area is on the inspection-object roster");
        }
        Random random = new Random(in.seed());
        List<Candidate> candidates = new ArrayList<>(in.candidates());
        candidates.sort(Comparator.comparing(Candidate::enterpriseId).thenComparing(Candidate::sector));
        List<Staff> staff = new ArrayList<>(in.inspectors());
        staff.sort(Comparator.comparing(Staff::inspectorId));

        Set<String> drawn = new HashSet<>();
        List<Candidate> picks = new ArrayList<>();
        for (int q = 0; q < in.quotas().size(); q++) {
            Quota quota = in.quotas().get(q);
            List<Candidate> pool = new ArrayList<>(candidates.stream()
                    .filter(c -> c.sector().equals(quota.sector()) && !drawn.contains(c.enterpriseId())).toList());
            if (pool.isEmpty()) {
                throw DomainException.field("EMPTY_ROSTER", "quotas[" + q + "].sector",
                        "no drawable " + quota.sector() + " enterprise of the plan's area is on the roster");
            }
            for (int n = 0; n < quota.count() && !pool.isEmpty(); n++) {
                Candidate pick = pool.remove(roulette(pool, in, random));
                drawn.add(pick.enterpriseId());
                picks.add(pick);
            }
        }
        if (in.inspectors().isEmpty()) {
            throw DomainException.field("EMPTY_ROSTER", "inspectors", "no active inspector of the plan's district is on the inspector roster");
        }
        List<Assignment> out = new ArrayList<>();
        for (Candidate pick : picks) {
            out.add(new Assignment(pick.enterpriseId(), pick.sector(), team(pick, staff, in, random)));
        }
        return out;
    }

    /** Index into {@code pool} of the next pick, each with a chance proportional to its weight. */
    private static int roulette(List<Candidate> pool, Inputs in, Random random) {
        int total = 0;
        for (Candidate c : pool) {
            total += weight(c, in);
        }
        int ticket = random.nextInt(total);
        for (int i = 0; i < pool.size(); i++) {
            ticket -= weight(pool.get(i), in);
            if (ticket < 0) {
                return i;
            }
        }
        throw new IllegalStateException("roulette overran its pool");
    }

    static int weight(Candidate c, Inputs in) {
        Integer w = c.riskColour() == null ? null : in.weights().get(c.riskColour());
        Integer factor = c.creditGrade() == null ? null : in.gradeFactors().get(c.creditGrade());
        return Math.max(1, w == null ? in.unratedWeight() : w) * Math.max(1, factor == null ? 1 : factor);
    }

    private static List<String> team(Candidate pick, List<Staff> staff, Inputs in, Random random) {
        Set<String> previous = new HashSet<>();
        in.previousTeams().stream().filter(t -> t.enterpriseId().equals(pick.enterpriseId()))
                .forEach(t -> previous.addAll(t.inspectorIds()));
        List<String> eligible = new ArrayList<>(staff.stream()
                .filter(s -> s.sectors().contains(pick.sector()))
                .filter(s -> !s.conflicts().contains(pick.enterpriseId()))
                .filter(s -> !previous.contains(s.inspectorId()))
                .map(Staff::inspectorId).toList());
        int k = in.inspectorsPerEnterprise();
        if (eligible.size() < k) {
            throw DomainException.field("EMPTY_ROSTER", "inspectors", "only " + eligible.size() + " inspector(s) may be sent to "
                    + pick.enterpriseId() + " (" + pick.sector() + ": qualified, no declared conflict, not on its previous team); "
                    + k + " are needed");
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(eligible.size() - i);
            String swap = eligible.get(i);
            eligible.set(i, eligible.get(j));
            eligible.set(j, swap);
        }
        return eligible.subList(0, k).stream().sorted().toList();
    }
}
