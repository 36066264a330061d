package io.safetyhub.enforcement.roster;

/** Safety-risk colour of an enterprise (安全风险四色分级): weights the draw, red most. */
public enum RiskColour {
    /** 重大风险 */
    RED,
    /** 较大风险 */
    ORANGE,
    /** 一般风险 */
    YELLOW,
    /** 低风险 */
    BLUE
}
