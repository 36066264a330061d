package io.safetyhub.enterprise.riskcolour;

/** Where an enterprise's risk colour comes from. */
public enum ColourBasis {
    /** The worst colour among its risk points (sectors other than hazardous chemicals). */
    RISK_POINTS,
    /** The latest 100-point assessment of the 2018 guide (hazardous-chemical enterprises). */
    ASSESSMENT,
    /** A regulator's override, with its reason on record. */
    OVERRIDE,
    /**
     * As entered in the registry: a hazardous-chemical enterprise not yet assessed, or another without risk points.
     */
    REGISTRY
}
