package io.safetyhub.enterprise.duty;

import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.events.DutyOverdue;

/**
 * The three 包保责任人 of a major-hazard installation (办法 第三条): overall management, technical management and
 * operation.
 */
public enum DutyRole {
    /** 主要负责人. */
    MAIN("主要负责人"),
    /** 技术负责人. */
    TECHNICAL("技术负责人"),
    /** 操作负责人. */
    OPERATIONAL("操作负责人");

    private final String label;

    DutyRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The frequency in force for this role (settings {@code enterprise.duties.main/technical/operational}). */
    public DutyFrequency frequency(EnterpriseConfig.Duties settings) {
        return switch (this) {
            case MAIN -> settings.main();
            case TECHNICAL -> settings.technical();
            case OPERATIONAL -> settings.operational();
        };
    }

    public DutyOverdue.Role toEvent() {
        return DutyOverdue.Role.valueOf(name());
    }
}
