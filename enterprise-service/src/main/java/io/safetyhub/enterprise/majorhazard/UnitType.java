package io.safetyhub.enterprise.majorhazard;

/** The kind of unit (单元) an installation is, as GB 18218-2018 3.4/3.5 divides a site. */
public enum UnitType {
    /** 储罐区 */
    TANK_FARM,
    /** 库区 */
    WAREHOUSE,
    /** 生产装置 */
    PRODUCTION_UNIT,
    /** 其他生产单元 (装卸区, 管廊…) */
    OTHER
}
