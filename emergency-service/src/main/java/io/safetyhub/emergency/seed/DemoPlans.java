package io.safetyhub.emergency.seed;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.quarkus.runtime.StartupEvent;
import io.safetyhub.emergency.common.RecordStore;
import io.safetyhub.emergency.common.Today;
import io.safetyhub.emergency.config.EmergencyConfig;
import io.safetyhub.emergency.drill.Drill;
import io.safetyhub.emergency.drill.DrillForm;
import io.safetyhub.emergency.drill.DrillStatus;
import io.safetyhub.emergency.plan.FilingStatus;
import io.safetyhub.emergency.plan.Plan;
import io.safetyhub.emergency.plan.PlanKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Demo plans and drills behind {@code emergency.seed-demo}, written only where missing: chem-banan-01's comprehensive
 * plan filed and accepted, gas-banan-01's special plan not filed 60 days after publication (overdue), 巴南区's own
 * plan; a large district drill held and evaluated this year and chem-banan-01's on-site drill held 7 months ago
 * (its six-month rule overdue).
 */
@ApplicationScoped
public class DemoPlans {
    private final EmergencyConfig config;
    private final RecordStore<Plan> plans;
    private final RecordStore<Drill> drills;
    private final Today today;

    public DemoPlans(EmergencyConfig config, MongoClient mongo, Today today) {
        this.config = config;
        MongoDatabase db = mongo.getDatabase(config.database());
        this.plans = new RecordStore<>(db.getCollection("plans"), Plan.class);
        this.drills = new RecordStore<>(db.getCollection("drills"), Drill.class);
        this.today = today;
    }

    void onStart(@Observes StartupEvent ignored) {
        if (!config.seedDemo()) {
            return;
        }
        LocalDate day = today.date();
        Instant now = today.now();
        plan(new Plan("plan-demo-chem-01", "chem-banan-01", "重庆南彭化工储运有限公司", "巴南区", null, "生产安全事故综合应急预案",
                PlanKind.COMPREHENSIVE, "2026版", day.minusDays(90), day.minusDays(95),
                new Plan.Filing(FilingStatus.ACCEPTED, day.minusDays(80), "ent.chem", day.minusDays(75), "reg.banan", "材料齐全"),
                null, now, "seed"));
        plan(new Plan("plan-demo-gas-01", "gas-banan-01", "重庆巴南鱼洞燃气有限公司", "巴南区", null, "燃气泄漏专项应急预案",
                PlanKind.SPECIAL, "V2", day.minusDays(60), day.minusDays(64), Plan.Filing.none(), null, now, "seed"));
        plan(new Plan("plan-demo-banan-district", null, null, "巴南区", null, "巴南区生产安全事故应急预案", PlanKind.COMPREHENSIVE,
                "2025版", day.minusYears(1), day.minusYears(1).minusDays(10), Plan.Filing.none(), null, now, "seed"));
        // this year's, so that it counts towards the district's yearly target
        LocalDate held = day.minusDays(30).getYear() == day.getYear() ? day.minusDays(30) : day;
        drill(new Drill("drill-demo-banan-01", null, "巴南区", null, "危化品泄漏事故综合应急演练", DrillForm.LIVE, PlanKind.COMPREHENSIVE,
                "plan-demo-banan-district", true, held, held, 180, DrillStatus.EVALUATED,
                new Drill.Evaluation(held, "响应有序，信息报送及时",
                        List.of(new Drill.Finding("现场通讯中断约3分钟", "为现场指挥部配备卫星电话")), "seed"), now, "seed"));
        drill(new Drill("drill-demo-chem-01", "chem-banan-01", "巴南区", null, "储罐区泄漏现场处置演练", DrillForm.LIVE, PlanKind.ON_SITE,
                null, false, day.minusMonths(7), day.minusMonths(7), 24, DrillStatus.HELD, null, now, "seed"));
    }

    private void plan(Plan p) {
        if (plans.byId(p.id()).isEmpty()) {
            plans.put(p.id(), p);
        }
    }

    private void drill(Drill d) {
        if (drills.byId(d.id()).isEmpty()) {
            drills.put(d.id(), d);
        }
    }
}
