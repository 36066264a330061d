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
 * seeding, one deduction per 项目 of the guide's table (guide2018/items.csv): 8 for its 二级 major hazard, 2 for liquid
 * chlorine, 4 for two hazardous processes, 2 for two 甲类 places, 10 for the external safety distance, 4 for remote
 * monitoring and gas detection, 2 for one post without its responsibilities; +5 for 标准化二级:
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
                    new Deduction("G1-2", BigDecimal.valueOf(2), "储存液氯（吸入性剧毒化学品）"),
                    new Deduction("G1-3", BigDecimal.valueOf(4), "涉及氯化工艺、合成氨工艺两种危险化工工艺"),
                    new Deduction("G1-4", BigDecimal.valueOf(2), "甲类罐区、甲类库房各 1 处"),
                    new Deduction("G2-1", BigDecimal.TEN, "罐区外部安全防护距离不符合可接受风险标准"),
                    new Deduction("G5-1", BigDecimal.valueOf(4), "液氯钢瓶库液位、温度未远传（2 项），2 处氨气检测报警设施不符合国标"),
                    new Deduction("G7-1", BigDecimal.valueOf(2), "1 个岗位未建立相匹配的全员安全生产责任制")),
                    List.of("B3"), List.of(), "演示数据"), "demo-seed");
            return true;
        }).orElse(false);
    }
}
