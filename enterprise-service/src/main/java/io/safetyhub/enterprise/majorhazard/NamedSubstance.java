package io.safetyhub.enterprise.majorhazard;

import java.math.BigDecimal;
import java.util.List;

/**
 * One row of GB 18218-2018 表1 (危险化学品名称及其临界量).
 *
 * @param no           序号 in 表1
 * @param name         品名 as the standard prints it
 * @param aliases      别名 and the short names people type (液氨, 液氯, 汽油)
 * @param cas          CAS numbers the row lists (none for mixtures such as 煤气)
 * @param threshold    临界量 Q, tonnes
 * @param betaCategory the 表2/表4 category giving β when the substance is not a 表3 gas; null where the caller must say
 */
public record NamedSubstance(int no, String name, List<String> aliases, List<String> cas, BigDecimal threshold,
                             HazardCategory betaCategory) {

    public String clause() {
        return "GB 18218-2018 表1 序号" + no;
    }

    boolean knownAs(String typed) {
        return name.equals(typed) || aliases.contains(typed) || cas.contains(typed);
    }
}
