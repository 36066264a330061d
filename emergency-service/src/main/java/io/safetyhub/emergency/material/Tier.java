package io.safetyhub.emergency.material;

/** The three-level reserve (区-镇街-村社三级应急物资储备体系). */
public enum Tier {
    /** 区级 */
    DISTRICT,
    /** 镇街级 */
    TOWN,
    /** 村社级 */
    VILLAGE
}
