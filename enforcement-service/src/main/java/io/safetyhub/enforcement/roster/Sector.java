package io.safetyhub.enforcement.roster;

/** Industry sectors (行业领域), named as the registry publishes them; the label is how a posting or record prints it. */
public enum Sector {
    HAZARDOUS_CHEMICALS("危险化学品"), CONSTRUCTION("建设施工"), TOWN_GAS("城镇燃气"), INDUSTRY_TRADE("工贸"),
    NON_COAL_MINE("非煤矿山"), FIREWORKS("烟花爆竹"), ROAD_TRANSPORT("道路运输"), SPECIAL_EQUIPMENT("特种设备"),
    FIRE_SAFETY_KEY_UNIT("消防安全重点单位");

    private final String label;

    Sector(String label) {
        this.label = label;
    }

    /** The Chinese name of the sector. */
    public String label() {
        return label;
    }
}
