package io.safetyhub.enterprise.seed;

import io.safetyhub.enterprise.enterprise.EnterpriseRepository;
import io.safetyhub.enterprise.riskpoint.CheckFrequency;
import io.safetyhub.enterprise.riskpoint.GradingMethod;
import io.safetyhub.enterprise.riskpoint.RiskPointRequest;
import io.safetyhub.enterprise.riskpoint.RiskPointRequest.MeasureRequest;
import io.safetyhub.enterprise.riskpoint.RiskPointRequest.TaskRequest;
import io.safetyhub.enterprise.riskpoint.RiskPointService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Demo risk points with measures and check tasks: the chemical plant chem-banan-01 (its colour comes from its
 * 100-point assessment, {@link DemoAssessment}, not from its points) and the gas company gas-banan-01, whose colour is
 * computed from its points (worst YELLOW, as the registry had it). Inserted once; later edits are the enterprise's.
 */
@ApplicationScoped
public class DemoRiskPoints {
    private final EnterpriseRepository enterprises;
    private final RiskPointService points;

    public DemoRiskPoints(EnterpriseRepository enterprises, RiskPointService points) {
        this.enterprises = enterprises;
        this.points = points;
    }

    /** @return how many points were new */
    int seed() {
        int n = 0;
        // LEC 1 × 6 × 40 = 240: orange (160–320).
        n += seed("chem-banan-01", "rp-chem-banan-01-01", new RiskPointRequest("液氨储罐区", 106.6716, 29.3849,
                List.of("液氨泄漏中毒", "储罐超压爆炸"), GradingMethod.LEC, 1.0, 6.0, 40.0, null, List.of(
                new MeasureRequest("cm-chem-01-1", "液位、压力、温度在线监测与 SIS 联锁", List.of(
                        new TaskRequest("ct-chem-01-1", "核对液位、压力读数与联锁投用状态", CheckFrequency.PER_SHIFT, "储罐区操作工"),
                        new TaskRequest("ct-chem-01-2", "SIS 联锁回路功能测试", CheckFrequency.MONTHLY, "仪表工程师"))),
                new MeasureRequest("cm-chem-01-2", "有毒气体检测报警仪完好", List.of(
                        new TaskRequest("ct-chem-01-3", "巡检氨气检测报警仪并做功能检查", CheckFrequency.DAILY, "安全员"))))));
        // LS 3 × 4 = 12: orange (9–16).
        n += seed("chem-banan-01", "rp-chem-banan-01-02", new RiskPointRequest("装卸站台", 106.6709, 29.3841,
                List.of("装卸软管破裂泄漏", "静电引燃"), GradingMethod.LS, 3.0, null, null, 4.0, List.of(
                new MeasureRequest("cm-chem-02-1", "装卸前静电接地与软管检查", List.of(
                        new TaskRequest("ct-chem-02-1", "检查静电接地夹、软管有无老化", CheckFrequency.DAILY, "装卸工"))))));
        // LEC 1 × 6 × 7 = 42: blue (< 70).
        n += seed("chem-banan-01", "rp-chem-banan-01-03", new RiskPointRequest("甲醇泵房", 106.6712, 29.3846,
                List.of("机械密封泄漏"), GradingMethod.LEC, 1.0, 6.0, 7.0, null, List.of(
                new MeasureRequest("cm-chem-03-1", "泵房通风与可燃气体检测", List.of(
                        new TaskRequest("ct-chem-03-1", "检查通风机运行与可燃气体报警仪", CheckFrequency.WEEKLY, "设备员"))))));
        // LS 2 × 4 = 8: yellow (4–8); the gas company's worst point, so its computed colour is YELLOW.
        n += seed("gas-banan-01", "rp-gas-banan-01-01", new RiskPointRequest("鱼洞调压站", 106.5218, 29.3826,
                List.of("天然气泄漏爆炸"), GradingMethod.LS, 2.0, null, null, 4.0, List.of(
                new MeasureRequest("cm-gas-01-1", "调压器与放散阀定期检查", List.of(
                        new TaskRequest("ct-gas-01-1", "检漏并记录进出口压力", CheckFrequency.DAILY, "调压工"))))));
        // LEC 1 × 6 × 7 = 42: blue.
        n += seed("gas-banan-01", "rp-gas-banan-01-02", new RiskPointRequest("客服营业厅", 106.5210, 29.3820,
                List.of("人员密集火灾"), GradingMethod.LEC, 1.0, 6.0, 7.0, null, List.of(
                new MeasureRequest("cm-gas-02-1", "消防器材完好", List.of(
                        new TaskRequest("ct-gas-02-1", "检查灭火器压力与疏散通道", CheckFrequency.WEEKLY, "营业厅主管"))))));
        return n;
    }

    private int seed(String enterpriseId, String id, RiskPointRequest request) {
        return enterprises.findById(enterpriseId).map(e -> points.seed(e, id, request) ? 1 : 0).orElse(0);
    }
}
