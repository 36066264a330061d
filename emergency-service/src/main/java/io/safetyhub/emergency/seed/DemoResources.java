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
import io.safetyhub.emergency.expert.Expert;
import io.safetyhub.emergency.material.Material;
import io.safetyhub.emergency.material.Tier;
import io.safetyhub.emergency.plan.FilingStatus;
import io.safetyhub.emergency.plan.Plan;
import io.safetyhub.emergency.plan.PlanKind;
import io.safetyhub.emergency.team.Readiness;
import io.safetyhub.emergency.team.RescueTeam;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Demo resources, plans and drills behind {@code emergency.seed-demo}, written only where missing: tents in 巴南区 at
 * district, town (南泉街道, 鱼洞街道) and village level (one below its low-stock threshold, one past its maintenance
 * date), a 渝北区 stock, a team and an expert in each district; chem-banan-01's comprehensive plan filed and accepted,
 * gas-banan-01's special plan not filed 60 days after publication (overdue), 巴南区's own plan; a large district drill
 * held and evaluated and chem-banan-01's on-site drill held 7 months ago (its six-month rule overdue).
 */
@ApplicationScoped
public class DemoResources {
    private final EmergencyConfig config;
    private final RecordStore<Material> materials;
    private final RecordStore<RescueTeam> teams;
    private final RecordStore<Expert> experts;
    private final RecordStore<Plan> plans;
    private final RecordStore<Drill> drills;
    private final Today today;

    public DemoResources(EmergencyConfig config, MongoClient mongo, Today today) {
        this.config = config;
        MongoDatabase db = mongo.getDatabase(config.database());
        this.materials = new RecordStore<>(db.getCollection("materials"), Material.class);
        this.teams = new RecordStore<>(db.getCollection("teams"), RescueTeam.class);
        this.experts = new RecordStore<>(db.getCollection("experts"), Expert.class);
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
        materials.putIfAbsent(Material::id, new Material("m-demo-banan-district-tents", "救灾帐篷", "顶", 200, Tier.DISTRICT, "巴南区", null, null,
                "巴南区应急物资储备库", 106.54, 29.40, day.plusYears(5), day.minusMonths(2), day.plusMonths(4), 50, now, "seed"));
        materials.putIfAbsent(Material::id, new Material("m-demo-nanquan-tents", "救灾帐篷", "顶", 40, Tier.TOWN, "巴南区", "南泉街道", null,
                "南泉街道应急物资储备点", 106.60, 29.45, day.plusYears(5), day.minusMonths(1), day.plusMonths(5), 20, now, "seed"));
        materials.putIfAbsent(Material::id, new Material("m-demo-yudong-tents", "救灾帐篷", "顶", 8, Tier.TOWN, "巴南区", "鱼洞街道", null,
                "鱼洞街道应急物资储备点", 106.52, 29.38, day.plusYears(5), day.minusMonths(8), day.minusDays(5), 20, now, "seed"));
        materials.putIfAbsent(Material::id, new Material("m-demo-yudong-village-pumps", "抽水泵", "台", 3, Tier.VILLAGE, "巴南区", "鱼洞街道", "大江村",
                "大江村村委会", 106.51, 29.37, null, day.minusMonths(3), day.plusMonths(3), 1, now, "seed"));
        materials.putIfAbsent(Material::id, new Material("m-demo-yubei-district-sandbags", "防汛沙袋", "个", 5000, Tier.DISTRICT, "渝北区", null, null,
                "渝北区应急物资储备库", 106.63, 29.72, null, day.minusMonths(1), day.plusMonths(11), 1000, now, "seed"));
        teams.putIfAbsent(RescueTeam::id, new RescueTeam("t-demo-banan-01", "巴南区危化品专业救援队", "HAZARDOUS_CHEMICALS", 32, "刘勇", "13800000031",
                Readiness.READY, "巴南区", null, "南彭街道消防站", 106.66, 29.41, now, "seed"));
        teams.putIfAbsent(RescueTeam::id, new RescueTeam("t-demo-yubei-01", "渝北区建筑施工救援队", "CONSTRUCTION", 24, "周涛", "13800000041",
                Readiness.STANDBY, "渝北区", null, "双凤桥街道", 106.64, 29.73, now, "seed"));
        experts.putIfAbsent(Expert::id, new Expert("x-demo-banan-01", "孙立", "HAZARDOUS_CHEMICALS", "高级工程师", "重庆化工设计研究院", "13800000051",
                "巴南区", now, "seed"));
        experts.putIfAbsent(Expert::id, new Expert("x-demo-yubei-01", "吴芳", "CONSTRUCTION", "教授级高工", "重庆建工集团", "13800000061",
                "渝北区", now, "seed"));
        plans.putIfAbsent(Plan::id, new Plan("plan-demo-chem-01", "chem-banan-01", "重庆南彭化工储运有限公司", "巴南区", null, "生产安全事故综合应急预案",
                PlanKind.COMPREHENSIVE, "2026版", day.minusDays(90), day.minusDays(95),
                new Plan.Filing(FilingStatus.ACCEPTED, day.minusDays(80), "ent.chem", day.minusDays(75), "reg.banan", "材料齐全"),
                null, now, "seed"));
        plans.putIfAbsent(Plan::id, new Plan("plan-demo-gas-01", "gas-banan-01", "重庆巴南鱼洞燃气有限公司", "巴南区", null, "燃气泄漏专项应急预案",
                PlanKind.SPECIAL, "V2", day.minusDays(60), day.minusDays(64), Plan.Filing.none(), null, now, "seed"));
        plans.putIfAbsent(Plan::id, new Plan("plan-demo-banan-district", null, null, "巴南区", null, "巴南区生产安全事故应急预案", PlanKind.COMPREHENSIVE,
                "2025版", day.minusYears(1), day.minusYears(1).minusDays(10), Plan.Filing.none(), null, now, "seed"));
        // this year's, so that it counts towards the district's yearly target
        LocalDate held = day.minusDays(30).getYear() == day.getYear() ? day.minusDays(30) : day;
        drills.putIfAbsent(Drill::id, new Drill("drill-demo-banan-01", null, "巴南区", null, "危化品泄漏事故综合应急演练", DrillForm.LIVE, PlanKind.COMPREHENSIVE,
                "plan-demo-banan-district", true, held, held, 180, DrillStatus.EVALUATED,
                new Drill.Evaluation(held, "响应有序，信息报送及时",
                        List.of(new Drill.Finding("现场通讯中断约3分钟", "为现场指挥部配备卫星电话")), "seed"), now, "seed"));
        drills.putIfAbsent(Drill::id, new Drill("drill-demo-chem-01", "chem-banan-01", "巴南区", null, "储罐区泄漏现场处置演练", DrillForm.LIVE, PlanKind.ON_SITE,
                null, false, day.minusMonths(7), day.minusMonths(7), 24, DrillStatus.HELD, null, now, "seed"));
    }
}
