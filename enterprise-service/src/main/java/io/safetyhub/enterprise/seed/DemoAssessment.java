package io.safetyhub.enterprise.seed;

import io.safetyhub.enterprise.assessment.RiskAssessmentRequest;
import io.safetyhub.enterprise.assessment.RiskAssessmentRequest.Deduction;
import io.safetyhub.enterprise.assessment.RiskAssessmentService;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.EnterpriseRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo chemical plant's 100-point assessment (2018 guide), made by 巴南区应急管理局 a month before the first
 * seeding: 8 off for its 二级 major hazard, 10 for liquid ammonia and chlorine (toxic gases), 5 for the external safety
 * distance, 4 for the monitoring of the installation, 2 for gas detectors, 3 for its rules; +5 for 标准化二级:
 * 100 − 32 + 5 = 73, ORANGE (60 to below 75), the colour the registry had. Recorded once; later ones are the regulator's.
 */
@ApplicationScoped
public class DemoAssessment {
    static final String ENTERPRISE = "chem-banan-01";

    private final EnterpriseRepository enterprises;
    private final RiskAssessmentService assessments;
    private final EnterpriseConfig config;
    private final Clock clock;

    public DemoAssessment(EnterpriseRepository enterprises, RiskAssessmentService assessments, EnterpriseConfig config,
                          Clock clock) {
        this.enterprises = enterprises;
        this.assessments = assessments;
        this.config = config;
        this.clock = clock;
    }

    /** @return whether the assessment was new */
    boolean seed() {
        if (assessments.assessed(ENTERPRISE)) {
            return false;
        }
        return enterprises.findById(ENTERPRISE).map(e -> {
            LocalDate day = LocalDate.ofInstant(clock.instant(), config.zone()).minusMonths(1);
            assessments.record(e, new RiskAssessmentRequest(day, "巴南区应急管理局", List.of(
                    new Deduction("G1-1", BigDecimal.valueOf(8), "液氨储罐区为二级重大危险源"),
                    new Deduction("G1-2", BigDecimal.TEN, "涉及液氨、液氯（毒性气体）"),
                    new Deduction("G2-1", BigDecimal.valueOf(5), "罐区外部安全防护距离不足"),
                    new Deduction("G5-2", BigDecimal.valueOf(4), "液氯钢瓶库监测数据未全部接入"),
                    new Deduction("G5-3", BigDecimal.valueOf(2), "2 台氨气检测报警仪未按期检定"),
                    new Deduction("G7-1", BigDecimal.valueOf(3), "特殊作业管理制度未及时修订")),
                    List.of("B3"), List.of(), "演示数据"), "demo-seed");
            return true;
        }).orElse(false);
    }
}
