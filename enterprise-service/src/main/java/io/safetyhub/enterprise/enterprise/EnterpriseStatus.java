package io.safetyhub.enterprise.enterprise;

/** Whether an enterprise is working. */
public enum EnterpriseStatus {
    OPERATING,
    /** 停产整顿: suspended for rectification by a regulator's order. */
    SUSPENDED,
    CLOSED
}
