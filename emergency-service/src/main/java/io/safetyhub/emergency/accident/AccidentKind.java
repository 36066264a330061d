package io.safetyhub.emergency.accident;

/**
 * What happened, after the injury categories of GB 6441-1986 《企业职工伤亡事故分类》 plus road traffic. Road traffic
 * and fire accidents have the shorter supplementary-report window (国务院令第493号 第十三条).
 */
public enum AccidentKind {
    OBJECT_STRIKE, VEHICLE_INJURY, MACHINERY_INJURY, LIFTING_INJURY, ELECTROCUTION, DROWNING, SCALD, FIRE,
    FALL_FROM_HEIGHT, COLLAPSE, ROOF_FALL, WATER_INRUSH, BLASTING, GAS_EXPLOSION, FIREWORKS_EXPLOSION,
    BOILER_EXPLOSION, VESSEL_EXPLOSION, OTHER_EXPLOSION, POISONING_ASPHYXIA, ROAD_TRAFFIC, OTHER;

    /** 第十三条: "道路交通事故、火灾事故自发生之日起7日内". */
    public boolean hasShortSupplementWindow() {
        return this == ROAD_TRAFFIC || this == FIRE;
    }
}
