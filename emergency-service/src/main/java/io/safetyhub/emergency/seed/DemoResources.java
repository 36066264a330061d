package io.safetyhub.emergency.seed;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.quarkus.runtime.StartupEvent;
import io.safetyhub.emergency.common.RecordStore;
import io.safetyhub.emergency.common.Today;
import io.safetyhub.emergency.config.EmergencyConfig;
import io.safetyhub.emergency.expert.Expert;
import io.safetyhub.emergency.material.Material;
import io.safetyhub.emergency.material.Tier;
import io.safetyhub.emergency.team.Readiness;
import io.safetyhub.emergency.team.RescueTeam;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Demo resources behind {@code emergency.seed-demo}, written only where missing: tents in 巴南区 at district, town
 * (南泉街道, 鱼洞街道) and village level (one below its low-stock threshold, one past its maintenance date), a
 * 渝北区 stock, a team and an expert in each district.
 */
@ApplicationScoped
public class DemoResources {
    private final EmergencyConfig config;
    private final RecordStore<Material> materials;
    private final RecordStore<RescueTeam> teams;
    private final RecordStore<Expert> experts;
    private final Today today;

    public DemoResources(EmergencyConfig config, MongoClient mongo, Today today) {
        this.config = config;
        MongoDatabase db = mongo.getDatabase(config.database());
        this.materials = new RecordStore<>(db.getCollection("materials"), Material.class);
        this.teams = new RecordStore<>(db.getCollection("teams"), RescueTeam.class);
        this.experts = new RecordStore<>(db.getCollection("experts"), Expert.class);
        this.today = today;
    }

    void onStart(@Observes StartupEvent ignored) {
        if (!config.seedDemo()) {
            return;
        }
        LocalDate day = today.date();
        Instant now = today.now();
        stock(new Material("m-demo-banan-district-tents", "救灾帐篷", "顶", 200, Tier.DISTRICT, "巴南区", null, null,
                "巴南区应急物资储备库", 106.54, 29.40, day.plusYears(5), day.minusMonths(2), day.plusMonths(4), 50, now, "seed"));
        stock(new Material("m-demo-nanquan-tents", "救灾帐篷", "顶", 40, Tier.TOWN, "巴南区", "南泉街道", null,
                "南泉街道应急物资储备点", 106.60, 29.45, day.plusYears(5), day.minusMonths(1), day.plusMonths(5), 20, now, "seed"));
        stock(new Material("m-demo-yudong-tents", "救灾帐篷", "顶", 8, Tier.TOWN, "巴南区", "鱼洞街道", null,
                "鱼洞街道应急物资储备点", 106.52, 29.38, day.plusYears(5), day.minusMonths(8), day.minusDays(5), 20, now, "seed"));
        stock(new Material("m-demo-yudong-village-pumps", "抽水泵", "台", 3, Tier.VILLAGE, "巴南区", "鱼洞街道", "大江村",
                "大江村村委会", 106.51, 29.37, null, day.minusMonths(3), day.plusMonths(3), 1, now, "seed"));
        stock(new Material("m-demo-yubei-district-sandbags", "防汛沙袋", "个", 5000, Tier.DISTRICT, "渝北区", null, null,
                "渝北区应急物资储备库", 106.63, 29.72, null, day.minusMonths(1), day.plusMonths(11), 1000, now, "seed"));
        team(new RescueTeam("t-demo-banan-01", "巴南区危化品专业救援队", "HAZARDOUS_CHEMICALS", 32, "刘勇", "13800000031",
                Readiness.READY, "巴南区", null, "南彭街道消防站", 106.66, 29.41, now, "seed"));
        team(new RescueTeam("t-demo-yubei-01", "渝北区建筑施工救援队", "CONSTRUCTION", 24, "周涛", "13800000041",
                Readiness.STANDBY, "渝北区", null, "双凤桥街道", 106.64, 29.73, now, "seed"));
        expert(new Expert("x-demo-banan-01", "孙立", "HAZARDOUS_CHEMICALS", "高级工程师", "重庆化工设计研究院", "13800000051",
                "巴南区", now, "seed"));
        expert(new Expert("x-demo-yubei-01", "吴芳", "CONSTRUCTION", "教授级高工", "重庆建工集团", "13800000061",
                "渝北区", now, "seed"));
    }

    private void stock(Material m) {
        if (materials.byId(m.id()).isEmpty()) {
            materials.put(m.id(), m);
        }
    }

    private void team(RescueTeam t) {
        if (teams.byId(t.id()).isEmpty()) {
            teams.put(t.id(), t);
        }
    }

    private void expert(Expert e) {
        if (experts.byId(e.id()).isEmpty()) {
            experts.put(e.id(), e);
        }
    }
}
