package io.safetyhub.enforcement.roster;

/** Industry sectors (行业领域), named as the registry publishes them. */
public enum Sector {
    /** 危险化学品 */
    HAZARDOUS_CHEMICALS,
    /** 建设施工 */
    CONSTRUCTION,
    /** 城镇燃气 */
    TOWN_GAS,
    /** 工贸 */
    INDUSTRY_TRADE,
    /** 非煤矿山 */
    NON_COAL_MINE,
    /** 烟花爆竹 */
    FIREWORKS,
    /** 道路运输 */
    ROAD_TRANSPORT,
    /** 特种设备 */
    SPECIAL_EQUIPMENT,
    /** 消防安全重点单位 */
    FIRE_SAFETY_KEY_UNIT
}
