package io.safetyhub.training.activity;

import io.safetyhub.training.enterprise.RegisteredEnterprise;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Request -> document -> views. An enterprise's activity is shown under the enterprise's registered name. */
@ApplicationScoped
public class ActivityMapper {

    public Activity toActivity(String id, ActivityRequest r, String organiser, String enterpriseId, String district,
                               String createdBy, Instant createdAt, Instant now) {
        return new Activity(id, r.kind(), r.title().strip(), organiser, enterpriseId, district, r.date(),
                r.place().strip(), r.audience().strip(), r.participants() == null ? 0 : r.participants(), r.materials(),
                r.onlineReach() == null ? 0 : r.onlineReach(), createdBy, createdAt, now);
    }

    /** {@code owner}: the organising enterprise as the registry view knows it, or null for a regulator's activity. */
    public ActivityView toView(Activity a, RegisteredEnterprise owner) {
        return new ActivityView(a.id(), a.kind(), a.title(), organiser(a, owner), a.enterpriseId(), a.district(), a.date(),
                a.place(), a.audience(), a.participants(), a.materials(), a.onlineReach());
    }

    public PublicActivityView toPublicView(Activity a, RegisteredEnterprise owner) {
        return new PublicActivityView(a.kind(), a.title(), organiser(a, owner), a.district(), a.date(), a.place(), a.audience());
    }

    /** The registered name wins over what was stored, so that an entry written before that rule shows the truth too. */
    private static String organiser(Activity a, RegisteredEnterprise owner) {
        return a.enterpriseId() != null && owner != null && owner.name() != null ? owner.name() : a.organiser();
    }
}
