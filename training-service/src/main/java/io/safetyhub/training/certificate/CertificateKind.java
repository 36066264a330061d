package io.safetyhub.training.certificate;

import io.safetyhub.training.personnel.RoleCategory;

/** Kinds of certificate (证书) the platform tracks; validity and review cycles are in {@link CertificateRules}. */
public enum CertificateKind {
    /** 特种作业操作证 (electrician, welder, work at height, hazardous-chemical process operator…). */
    SPECIAL_OPERATION,
    /** 主要负责人安全生产知识和管理能力考核合格证. */
    PRINCIPAL_ASSESSMENT,
    /** 安全生产管理人员安全生产知识和管理能力考核合格证. */
    SAFETY_MANAGER_ASSESSMENT,
    /** 建筑施工特种作业操作资格证书 (tower-crane driver, signaller…). */
    CONSTRUCTION_SPECIAL_OPERATION,
    /** 特种设备作业人员证 (crane, boiler, pressure vessel…). */
    SPECIAL_EQUIPMENT_OPERATOR;

    /** Whether this certificate qualifies a person of {@code category} for their post. */
    public boolean qualifies(RoleCategory category) {
        return switch (category) {
            case PRINCIPAL -> this == PRINCIPAL_ASSESSMENT;
            case SAFETY_MANAGER -> this == SAFETY_MANAGER_ASSESSMENT;
            case SPECIAL_OPERATION_WORKER -> this == SPECIAL_OPERATION || this == CONSTRUCTION_SPECIAL_OPERATION;
            case SPECIAL_EQUIPMENT_OPERATOR -> this == SPECIAL_EQUIPMENT_OPERATOR;
            case OTHER -> false;
        };
    }
}
