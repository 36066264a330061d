package io.safetyhub.enterprise.seed;

import io.safetyhub.enterprise.enterprise.EnterpriseRepository;
import io.safetyhub.enterprise.majorhazard.MajorHazardRequest;
import io.safetyhub.enterprise.majorhazard.MajorHazardRequest.SubstanceRequest;
import io.safetyhub.enterprise.majorhazard.MajorHazardService;
import io.safetyhub.enterprise.majorhazard.UnitType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The demo chemical plant's major-hazard installations. MHS-chem-banan-01-01 is the worked example of
 * {@code MajorHazardCalculatorTest} (S = 19, R = 70, 二级) and the hazard source its tank detectors report under
 * (device-adapter's demo devices, the disclosure's guardians). Inserted once; later edits are the enterprise's.
 */
@ApplicationScoped
public class DemoMajorHazards {
    static final String ENTERPRISE = "chem-banan-01";
    /** The tank farm: 液氨 150 t, 液化石油气 100 t, 甲醇 1000 t, 120 people within 500 m → R = 70, 二级. */
    public static final String TANK_FARM = "MHS-chem-banan-01-01";

    private final EnterpriseRepository enterprises;
    private final MajorHazardService service;

    public DemoMajorHazards(EnterpriseRepository enterprises, MajorHazardService service) {
        this.enterprises = enterprises;
        this.service = service;
    }

    /** @return how many installations were new */
    int seed() {
        return enterprises.findById(ENTERPRISE).map(e -> {
            int n = 0;
            if (service.seed(e, TANK_FARM, new MajorHazardRequest("液氨储罐区", UnitType.TANK_FARM, 120, List.of(
                    new SubstanceRequest("液氨", null, 150.0), new SubstanceRequest("液化石油气", null, 100.0),
                    new SubstanceRequest("甲醇", null, 1000.0))))) {
                n++;
            }
            // 库区: 液氯 钢瓶 20 t (表1 序号12, 表3 β 4), 40 people: S = 4, R = 1.2 × 16 = 19.2, 三级.
            if (service.seed(e, "MHS-chem-banan-01-02", new MajorHazardRequest("液氯钢瓶库", UnitType.WAREHOUSE, 40,
                    List.of(new SubstanceRequest("液氯", null, 20.0))))) {
                n++;
            }
            return n;
        }).orElse(0);
    }
}
