package io.safetyhub.enforcement.inspection;

import io.safetyhub.enforcement.checklist.Checklist;
import io.safetyhub.platform.rest.DomainException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an inspection's results against its checklist before anything is stored: every item answered once and
 * only items of the checklist; a failed item with what was seen, a deadline from tomorrow to a year ahead, and never
 * graded below its criterion (an item of a 重大事故隐患判定标准 found failed is a major hazard by that standard).
 */
public final class ResultsCheck {
    /** A rectification deadline further out than this is a typing slip, not a plan. */
    public static final int MAX_DEADLINE_DAYS = 366;

    private ResultsCheck() {
    }

    public static List<Inspection.ItemResult> check(List<Checklist.Item> items, ResultsRequest request, LocalDate today) {
        Map<String, Checklist.Item> byCode = new HashMap<>();
        items.forEach(i -> byCode.put(i.code(), i));
        LocalDate inspectedOn = request.inspectedOn() == null ? today : request.inspectedOn();
        if (inspectedOn.isAfter(today) || inspectedOn.isBefore(today.minusDays(30))) {
            throw DomainException.field("inspectedOn", "must be today or within the last 30 days");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Inspection.ItemResult> out = new ArrayList<>();
        for (int n = 0; n < request.results().size(); n++) {
            ResultsRequest.Result r = request.results().get(n);
            String at = "results[" + n + "]";
            Checklist.Item item = byCode.get(r.code());
            if (item == null) {
                throw DomainException.field(at + ".code", "'" + r.code() + "' is not an item of this inspection's checklist");
            }
            if (!seen.add(r.code())) {
                throw DomainException.field(at + ".code", "'" + r.code() + "' is answered twice");
            }
            out.add(r.outcome() == Inspection.Outcome.FAIL ? failed(item, r, at, inspectedOn)
                    : new Inspection.ItemResult(r.code(), r.outcome(), blankToNull(r.note()), null, null));
        }
        List<String> missing = items.stream().map(Checklist.Item::code).filter(c -> !seen.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw DomainException.field("CHECKLIST_INCOMPLETE", "results", "items not answered: " + String.join(", ", missing));
        }
        return out;
    }

    private static Inspection.ItemResult failed(Checklist.Item item, ResultsRequest.Result r, String at, LocalDate inspectedOn) {
        if (blankToNull(r.note()) == null) {
            throw DomainException.field(at + ".note", "a failed item needs what was found");
        }
        if (r.deadline() == null) {
            throw DomainException.field(at + ".deadline", "a failed item needs a rectification deadline");
        }
        if (!r.deadline().isAfter(inspectedOn) || r.deadline().isAfter(inspectedOn.plusDays(MAX_DEADLINE_DAYS))) {
            throw DomainException.field(at + ".deadline", "must be after the inspection and within " + MAX_DEADLINE_DAYS + " days of it");
        }
        Inspection.Grade grade = r.grade() != null ? r.grade() : item.major() ? Inspection.Grade.MAJOR : Inspection.Grade.GENERAL;
        if (item.major() && grade != Inspection.Grade.MAJOR) {
            throw DomainException.field(at + ".grade", item.code() + " is a major-hazard criterion (" + item.legalBasis()
                    + "): a failure is MAJOR");
        }
        return new Inspection.ItemResult(r.code(), Inspection.Outcome.FAIL, r.note().strip(), grade, r.deadline());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Day of the inspection the results were checked for (today when the request names none). */
    public static LocalDate inspectedOn(ResultsRequest request, LocalDate today) {
        return request.inspectedOn() == null ? today : request.inspectedOn();
    }
}
