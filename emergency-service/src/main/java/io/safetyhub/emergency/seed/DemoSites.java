package io.safetyhub.emergency.seed;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.quarkus.runtime.StartupEvent;
import io.safetyhub.emergency.common.RecordStore;
import io.safetyhub.emergency.common.Today;
import io.safetyhub.emergency.config.EmergencyConfig;
import io.safetyhub.emergency.site.KeyTarget;
import io.safetyhub.emergency.site.KeyTargetKind;
import io.safetyhub.emergency.site.Shelter;
import io.safetyhub.emergency.site.ShelterClass;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;

/**
 * Demo shelters and key targets behind {@code emergency.seed-demo}, written only where missing: two shelters in 巴南区
 * (a long-term one at the sports centre, a short-term square in 南泉街道) and one in 渝北区; a school 1 km from
 * chem-banan-01 and a hospital in 渝北区, so that the command map has something around the demo plants.
 */
@ApplicationScoped
public class DemoSites {
    private final EmergencyConfig config;
    private final RecordStore<Shelter> shelters;
    private final RecordStore<KeyTarget> keyTargets;
    private final Today today;

    public DemoSites(EmergencyConfig config, MongoClient mongo, Today today) {
        this.config = config;
        MongoDatabase db = mongo.getDatabase(config.database());
        this.shelters = new RecordStore<>(db.getCollection("shelters"), Shelter.class);
        this.keyTargets = new RecordStore<>(db.getCollection("key-targets"), KeyTarget.class);
        this.today = today;
    }

    void onStart(@Observes StartupEvent ignored) {
        if (!config.seedDemo()) {
            return;
        }
        Instant now = today.now();
        shelters.putIfAbsent(Shelter::id, new Shelter("s-demo-banan-01", "巴南区体育中心应急避难场所", ShelterClass.LONG_TERM, 12000,
                60000, "巴南区鱼洞街道龙洲大道", "陈刚", "13800000071", "巴南区", "鱼洞街道", 106.53, 29.39, now, "seed"));
        shelters.putIfAbsent(Shelter::id, new Shelter("s-demo-banan-02", "南泉广场应急避难场所", ShelterClass.SHORT_TERM, 3000,
                9000, "巴南区南泉街道南泉广场", "黄丽", "13800000072", "巴南区", "南泉街道", 106.61, 29.44, now, "seed"));
        shelters.putIfAbsent(Shelter::id, new Shelter("s-demo-yubei-01", "渝北中央公园应急避难场所", ShelterClass.MEDIUM_TERM, 20000,
                150000, "渝北区两路街道中央公园", "杨明", "13800000073", "渝北区", null, 106.64, 29.72, now, "seed"));
        keyTargets.putIfAbsent(KeyTarget::id, new KeyTarget("k-demo-banan-01", "南彭中学", KeyTargetKind.SCHOOL, 1800,
                "巴南区南彭街道", "校办", "13800000074", "巴南区", "南彭街道", 106.66, 29.40, now, "seed"));
        keyTargets.putIfAbsent(KeyTarget::id, new KeyTarget("k-demo-yubei-01", "渝北区人民医院", KeyTargetKind.HOSPITAL, 2500,
                "渝北区双龙湖街道", "总值班室", "13800000075", "渝北区", null, 106.63, 29.71, now, "seed"));
    }
}
