package io.safetyhub.training.activity;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Request -> document -> views. */
@ApplicationScoped
public class ActivityMapper {

    public Activity toActivity(String id, ActivityRequest r, String enterpriseId, String district, String createdBy,
                               Instant createdAt, Instant now) {
        return new Activity(id, r.kind(), r.title().trim(), r.organiser().trim(), enterpriseId, district, r.date(),
                r.place().trim(), r.audience().trim(), r.participants() == null ? 0 : r.participants(), r.materials(),
                r.onlineReach() == null ? 0 : r.onlineReach(), createdBy, createdAt, now);
    }

    public ActivityView toView(Activity a) {
        return new ActivityView(a.id(), a.kind(), a.title(), a.organiser(), a.enterpriseId(), a.district(), a.date(),
                a.place(), a.audience(), a.participants(), a.materials(), a.onlineReach());
    }

    public PublicActivityView toPublicView(Activity a) {
        return new PublicActivityView(a.kind(), a.title(), a.organiser(), a.district(), a.date(), a.place(), a.audience());
    }
}
