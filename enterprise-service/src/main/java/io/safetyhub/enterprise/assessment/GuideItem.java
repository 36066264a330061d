package io.safetyhub.enterprise.assessment;

/**
 * One row of the 2018 guide's table: a scored item and how many points it may take off (DEDUCTION) or add (BONUS).
 *
 * @param basis {@code text} when the figure is quoted from the guide's published text (every row since 2026-12-02; the
 *              source is named in items.csv's header)
 */
public record GuideItem(String code, Kind kind, String category, String item, int max, String basis) {

    public enum Kind { DEDUCTION, BONUS }
}
