package io.safetyhub.enterprise.riskcolour;

/** Where an enterprise's risk colour comes from. */
public enum ColourBasis {
    /** The worst colour among its risk points (sectors other than hazardous chemicals). */
    RISK_POINTS,
    /** A regulator's override, with its reason on record. */
    OVERRIDE,
    /**
     * As entered in the registry: a hazardous-chemical enterprise (its 100-point assessment of the 2018 guide is not
     * computed here yet), or an enterprise without risk points.
     */
    REGISTRY
}
