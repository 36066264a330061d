package io.safetyhub.training.activity;

/** Publicity campaigns (安全宣传) of domain.md "Training and publicity". */
public enum ActivityKind {
    /** 安全生产月, June. */
    WORK_SAFETY_MONTH,
    /** 防灾减灾日, 12 May. */
    DISASTER_PREVENTION_DAY,
    /** 119消防宣传月, November. */
    FIRE_SAFETY_MONTH,
    /** 安全宣传"五进": into enterprises, rural areas, communities, schools, families. */
    FIVE_INTOS,
    /** 安康杯 contest. */
    ANKANG_CUP,
    /** Safety knowledge contests (安全知识竞赛). */
    KNOWLEDGE_CONTEST
}
