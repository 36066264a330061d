package io.safetyhub.emergency.plan;

import java.time.LocalDate;

/** A plan as answered, with its deadlines and whether each is overdue today. */
public record PlanView(String id, String enterpriseId, String enterpriseName, String district, String title, PlanKind kind,
                       String version, LocalDate publishedOn, LocalDate reviewedOn, Plan.Filing filing, LocalDate filingDue,
                       boolean filingOverdue, LocalDate revisionDue, boolean revisionOverdue, Plan.Document document) {

    static PlanView of(Plan p, PlanSchedule schedule, LocalDate today) {
        return new PlanView(p.id(), p.enterpriseId(), p.enterpriseName(), p.district(), p.title(), p.kind(), p.version(),
                p.publishedOn(), p.reviewedOn(), p.filing(), schedule.filingDue(p.publishedOn()),
                schedule.filingOverdue(p.publishedOn(), p.filing().status(), today), schedule.revisionDue(p.publishedOn()),
                schedule.revisionOverdue(p.publishedOn(), today), p.document());
    }
}
