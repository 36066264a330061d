package io.safetyhub.enforcement.checklist;

import io.safetyhub.enforcement.roster.Sector;

import java.util.List;
import java.util.Optional;

/**
 * An inspection checklist (执法检查表) of one sector: data, not code. An inspection copies the items it uses, so a
 * later edit of the checklist never changes an inspection already under way.
 */
public record Checklist(String id, Sector sector, String title, String version, List<Item> items) {

    public Checklist {
        items = List.copyOf(items);
    }

    /**
     * @param legalBasis the rule the item checks, with its article
     * @param major      true for the items of a major-hazard criterion (重大事故隐患判定标准): a failure is a MAJOR finding
     */
    public record Item(String code, String text, String legalBasis, boolean major) {
    }

    public Optional<Item> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
