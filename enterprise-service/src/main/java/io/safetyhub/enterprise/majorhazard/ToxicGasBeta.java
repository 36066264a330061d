package io.safetyhub.enterprise.majorhazard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * GB 18218-2018 表3 毒性气体校正系数β取值表: the toxic gases whose β the standard names. Any other substance takes
 * β from its category ({@link HazardCategory}, 表4).
 */
public final class ToxicGasBeta {

    /** One column of 表3: the gas, the names and CAS numbers it is known by, its β. */
    public record Row(String name, List<String> names, List<String> cas, BigDecimal beta) {
        public String clause() {
            return "GB 18218-2018 表3 " + name;
        }
    }

    static final List<Row> ROWS = List.of(
            row("一氧化碳", "2", List.of("一氧化碳", "CO"), "630-08-0"),
            row("二氧化硫", "2", List.of("二氧化硫", "亚硫酸酐", "SO2"), "7446-09-5"),
            row("氨", "2", List.of("氨", "液氨", "氨气", "NH3"), "7664-41-7"),
            row("环氧乙烷", "2", List.of("环氧乙烷", "氧化乙烯"), "75-21-8"),
            row("氯化氢", "3", List.of("氯化氢", "氯化氢(无水)", "HCl"), "7647-01-0"),
            row("溴甲烷", "3", List.of("溴甲烷", "甲基溴"), "74-83-9"),
            row("氯", "4", List.of("氯", "液氯", "氯气", "Cl2"), "7782-50-5"),
            row("硫化氢", "5", List.of("硫化氢", "H2S"), "7783-06-4"),
            row("氟化氢", "5", List.of("氟化氢", "HF"), "7664-39-3"),
            row("二氧化氮", "10", List.of("二氧化氮", "NO2"), "10102-44-0"),
            row("氰化氢", "10", List.of("氰化氢", "无水氢氰酸", "HCN"), "74-90-8"),
            row("碳酰氯", "20", List.of("碳酰氯", "光气"), "75-44-5"),
            row("磷化氢", "20", List.of("磷化氢", "磷化三氢", "膦"), "7803-51-2"),
            row("异氰酸甲酯", "20", List.of("异氰酸甲酯", "甲基异氰酸酯"), "624-83-9"));

    private ToxicGasBeta() {
    }

    /** The 表3 row for a substance known by {@code name} or CAS number, if it is one of its gases. */
    public static Optional<Row> of(String name, List<String> cas) {
        return ROWS.stream().filter(r -> r.names().contains(name) || r.cas().stream().anyMatch(cas::contains)).findFirst();
    }

    private static Row row(String name, String beta, List<String> names, String cas) {
        return new Row(name, names, List.of(cas), new BigDecimal(beta));
    }
}
