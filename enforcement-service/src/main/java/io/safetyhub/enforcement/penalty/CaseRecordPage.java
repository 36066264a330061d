package io.safetyhub.enforcement.penalty;

import com.mongodb.client.model.Filters;
import io.safetyhub.enforcement.audit.AuditEntry;
import io.safetyhub.enforcement.audit.AuditLog;
import io.safetyhub.enforcement.evidence.Evidence;
import io.safetyhub.enforcement.evidence.EvidenceStore;
import io.safetyhub.enforcement.finding.Finding;
import io.safetyhub.enforcement.finding.FindingRepository;
import io.safetyhub.enforcement.inspection.Inspection;
import io.safetyhub.enforcement.inspection.InspectionRepository;
import io.safetyhub.enforcement.posting.Posting;
import io.safetyhub.enforcement.posting.PostingService;
import io.safetyhub.enforcement.reinspection.Reinspection;
import io.safetyhub.enforcement.reinspection.ReinspectionRepository;
import io.safetyhub.platform.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole record of one case (全过程记录) as one self-contained, print-ready HTML page (A4, no scripts, no outside
 * resources): the case and its steps, the inspection with every item's result, the evidence with its SHA-256, the
 * findings and their re-inspection, the posting, and every recorded change with who, when and why. Every value is
 * HTML-escaped.
 */
@ApplicationScoped
public class CaseRecordPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final InspectionRepository inspections;
    private final EvidenceStore evidence;
    private final FindingRepository findings;
    private final ReinspectionRepository reinspections;
    private final PostingService postings;
    private final AuditLog audit;

    public CaseRecordPage(
            InspectionRepository inspections,
            EvidenceStore evidence,
            FindingRepository findings,
            ReinspectionRepository reinspections,
            PostingService postings,
            AuditLog audit) {
        this.inspections = inspections;
        this.evidence = evidence;
        this.findings = findings;
        this.reinspections = reinspections;
        this.postings = postings;
        this.audit = audit;
    }

    public String render(Caller caller, PenaltyCase c) {
        Html h = new Html();
        h.raw("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").text("案卷 " + c.id())
                .raw("</title><style>@page{size:A4;margin:18mm}body{font:11pt/1.5 'Noto Serif CJK SC','SimSun',serif;color:#000}"
                        + "h1{font-size:16pt;text-align:center}h2{font-size:12.5pt;border-bottom:1px solid #000;margin-top:14pt}"
                        + "table{border-collapse:collapse;width:100%;margin:4pt 0}td,th{border:1px solid #555;padding:2pt 4pt;"
                        + "vertical-align:top;text-align:left}th{background:#eee}tr{page-break-inside:avoid}"
                        + ".mono{font-family:monospace;font-size:8.5pt;word-break:break-all}</style></head><body>");
        h.raw("<h1>行政处罚案件全过程记录</h1>");
        h.table(List.of(
                row("案件编号", c.id()), row("当事人", c.enterpriseName() + "（" + c.enterpriseId() + "）"),
                row("法定代表人", c.party()), row("属地", join(c.district(), c.town())),
                row("违法行为", c.violation().title()), row("处罚依据", c.violation().article()),
                row("裁量幅度", c.violation().fineMin() + " – " + c.violation().fineMax() + " 元"),
                row("违法事实", c.facts()), row("状态", c.status().name()),
                row("立案", c.filedBy() + " " + TIME.format(c.filedAt()))));
        h.raw("<h2>处罚程序</h2>");
        List<String[]> steps = new ArrayList<>();
        if (c.proposedAmount() != null) {
            steps.add(row("告知", c.notifiedOn() + "，拟罚款 " + c.proposedAmount() + " 元"));
        }
        if (c.review() != null) {
            steps.add(row("法制审核", c.review().reviewer() + " " + TIME.format(c.review().at()) + "，"
                    + (c.review().approved() ? "同意" : "不同意") + "：" + c.review().opinion()));
        }
        if (c.decision() != null) {
            steps.add(row("决定", c.decision().number() + "，" + c.decision().decidedOn() + "，罚款 " + c.decision().amount()
                    + " 元，" + c.decision().decidedBy()));
        }
        if (c.execution() != null) {
            steps.add(row("执行", c.execution().paidOn() + " 缴纳，票据 " + c.execution().receiptNumber()));
        }
        if (c.closedOn() != null) {
            steps.add(row("结案", c.closedOn().toString()));
        }
        if (c.revocation() != null) {
            steps.add(row("撤销", c.revocation().by() + " " + TIME.format(c.revocation().at()) + "：" + c.revocation().reason()));
        }
        h.table(steps);
        List<String> refs = new ArrayList<>(List.of(c.id()));
        Inspection inspection = c.inspectionId() == null ? null : inspections.byId(c.inspectionId()).orElse(null);
        if (inspection != null) {
            refs.add(inspection.id());
            inspection(h, inspection);
        }
        postings.byId("po-" + c.id()).ifPresent(p -> posting(h, p));
        h.raw("<h2>全过程记录</h2>");
        List<String[]> trail = new ArrayList<>();
        trail.add(new String[]{"时间", "人员", "角色", "对象", "动作", "由 → 至", "理由"});
        for (AuditEntry e : audit.about(refs)) {
            trail.add(new String[]{TIME.format(e.at()), e.who(), e.role(), e.subjectType() + " " + e.subjectId(), e.action(),
                    Objects.toString(e.from(), "—") + " → " + Objects.toString(e.to(), "—"), e.reason()});
        }
        h.grid(trail);
        h.raw("<p>导出人：").text(caller.subject()).raw("</p></body></html>");
        return h.toString();
    }

    private void inspection(Html h, Inspection i) {
        h.raw("<h2>现场检查</h2>");
        h.table(List.of(row("检查编号", i.id()), row("抽查", i.drawId() != null ? i.drawId() : "无（举报直接核查）"),
                row("检查日期", String.valueOf(i.inspectedOn())),
                row("检查表", i.checklistId() + " " + i.checklistVersion()),
                row("检查人员", String.join("、", i.team().stream().map(Inspection.TeamMember::signature).toList())),
                row("签名", String.join("；", i.signatures().stream().map(s -> s.inspectorId() + " " + TIME.format(s.signedAt())
                        + "（" + s.recordedBy() + " 录入）").toList()))));
        List<String[]> items = new ArrayList<>();
        items.add(new String[]{"项目", "检查内容", "依据", "结果", "说明", "期限"});
        for (Inspection.ItemResult r : i.results()) {
            var item = i.items().stream().filter(x -> x.code().equals(r.code())).findFirst().orElse(null);
            items.add(new String[]{r.code(), item == null ? "" : item.text(), item == null ? "" : item.legalBasis(),
                    r.outcome() + (r.grade() == null ? "" : " " + r.grade()), r.note(), r.deadline() == null ? "" : r.deadline().toString()});
        }
        h.grid(items);
        List<String[]> files = new ArrayList<>();
        files.add(new String[]{"证据", "项目", "类型", "字节", "SHA-256", "上传"});
        for (Evidence e : evidence.of(i.id())) {
            files.add(new String[]{e.fileName(), e.itemCode(), e.contentType(), Long.toString(e.size()), e.sha256(),
                    e.uploadedBy() + " " + (e.uploadedAt() == null ? "" : TIME.format(e.uploadedAt()))});
        }
        h.grid(files);
        List<String[]> found = new ArrayList<>();
        found.add(new String[]{"隐患", "等级", "期限", "状态"});
        for (Finding f : findings.find(Filters.eq("inspectionId", i.id()))) {
            found.add(new String[]{f.itemCode() + " " + f.item(), f.grade().name(), f.deadline().toString(), f.status().name()});
        }
        h.grid(found);
        List<String[]> again = new ArrayList<>();
        again.add(new String[]{"复查", "应复查日", "状态", "结果"});
        for (Reinspection r : reinspections.find(Filters.eq("inspectionId", i.id()))) {
            again.add(new String[]{r.id(), r.dueOn().toString(), r.status().name(), String.join("；", r.outcomes().stream()
                    .map(o -> o.findingId() + (o.rectified() ? " 已整改" : " 未整改") + (o.note() == null ? "" : "：" + o.note()))
                    .toList())});
        }
        h.grid(again);
    }

    private static void posting(Html h, Posting p) {
        h.raw("<h2>执法公示</h2>");
        h.table(List.of(row("状态", p.status().name()), row("应公示日", p.dueBy().toString()),
                row("公示日", String.valueOf(p.postedOn())), row("撤回", p.withdrawReason())));
    }

    private static String[] row(String label, String value) {
        return new String[]{label, value};
    }

    private static String join(String a, String b) {
        return b == null ? a : a + " " + b;
    }

    /** A tiny HTML writer whose {@link #text} escapes everything it is given. */
    static final class Html {
        private final StringBuilder out = new StringBuilder();

        Html raw(String html) {
            out.append(html);
            return this;
        }

        Html text(String text) {
            out.append(escape(text));
            return this;
        }

        /** Label/value rows. */
        void table(List<String[]> rows) {
            raw("<table>");
            rows.forEach(r -> raw("<tr><th style=\"width:22%\">").text(r[0]).raw("</th><td>").text(r[1]).raw("</td></tr>"));
            raw("</table>");
        }

        /** A header row, then data rows. */
        void grid(List<String[]> rows) {
            raw("<table>");
            for (int n = 0; n < rows.size(); n++) {
                raw("<tr>");
                for (String cell : rows.get(n)) {
                    raw(n == 0 ? "<th>" : "<td class=\"" + (cell != null && cell.matches("[0-9a-f]{64}") ? "mono" : "") + "\">")
                            .text(cell).raw(n == 0 ? "</th>" : "</td>");
                }
                raw("</tr>");
            }
            raw("</table>");
        }

        static String escape(String text) {
            if (text == null) {
                return "";
            }
            StringBuilder s = new StringBuilder(text.length());
            for (char ch : text.toCharArray()) {
                switch (ch) {
                    case '<' -> s.append("&lt;");
                    case '>' -> s.append("&gt;");
                    case '&' -> s.append("&amp;");
                    case '"' -> s.append("&quot;");
                    case '\'' -> s.append("&#39;");
                    default -> s.append(ch);
                }
            }
            return s.toString();
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
