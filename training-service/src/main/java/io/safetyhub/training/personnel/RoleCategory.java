package io.safetyhub.training.personnel;

/** A person's role category (domain.md "Training and publicity"). */
public enum RoleCategory {
    /** 主要负责人 — one of the three posts (三项岗位). */
    PRINCIPAL,
    /** 安全管理人员 — one of the three posts. */
    SAFETY_MANAGER,
    /** 特种作业人员 (electrician, welder, work at height, hazardous-chemical process…) — one of the three posts. */
    SPECIAL_OPERATION_WORKER,
    /** 特种设备作业人员 (crane driver, boiler, pressure vessel…). */
    SPECIAL_EQUIPMENT_OPERATOR,
    OTHER;

    /** The three posts that must hold a valid certificate (三项岗位). */
    public boolean threePosts() {
        return this == PRINCIPAL || this == SAFETY_MANAGER || this == SPECIAL_OPERATION_WORKER;
    }
}
