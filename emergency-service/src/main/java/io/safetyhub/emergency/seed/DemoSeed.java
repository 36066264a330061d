package io.safetyhub.emergency.seed;

import io.quarkus.runtime.StartupEvent;
import io.safetyhub.emergency.accident.Accident;
import io.safetyhub.emergency.accident.AccidentGrade;
import io.safetyhub.emergency.accident.AccidentGrading;
import io.safetyhub.emergency.accident.AccidentKind;
import io.safetyhub.emergency.accident.AccidentRepository;
import io.safetyhub.emergency.accident.AccidentStatus;
import io.safetyhub.emergency.accident.Casualties;
import io.safetyhub.emergency.accident.ReportLevel;
import io.safetyhub.emergency.accident.ReportingDeadlines;
import io.safetyhub.emergency.common.Today;
import io.safetyhub.emergency.config.EmergencyConfig;
import io.safetyhub.emergency.duty.DutyRepository;
import io.safetyhub.emergency.duty.DutyRota;
import io.safetyhub.events.DutyRotaChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo data behind {@code emergency.seed-demo}: fixed ids ({@code acc-demo-*}), dates relative to the day of the first
 * seeding, written only where missing, so a restart changes nothing. Three accidents (巴南区 this year and the same
 * weeks last year for the year-on-year figures, one 渝北区 accident reported late) and today's duty of both districts,
 * which the publisher's resend job puts on {@code emergency.duty.v1}.
 */
@ApplicationScoped
public class DemoSeed {
    private static final Logger LOG = Logger.getLogger(DemoSeed.class);

    private final EmergencyConfig config;
    private final AccidentRepository accidents;
    private final AccidentGrading grading;
    private final DutyRepository duty;
    private final Today today;

    public DemoSeed(EmergencyConfig config, AccidentRepository accidents, AccidentGrading grading, DutyRepository duty, Today today) {
        this.config = config;
        this.accidents = accidents;
        this.grading = grading;
        this.duty = duty;
        this.today = today;
    }

    void onStart(@Observes StartupEvent ignored) {
        if (!config.seedDemo()) {
            return;
        }
        Instant now = today.now();
        int written = 0;
        written += accident("acc-demo-banan-01", "chem-banan-01", "重庆南彭化工储运有限公司", "巴南区", "南彭街道", "HAZARDOUS_CHEMICALS",
                AccidentKind.POISONING_ASPHYXIA, now.minus(Duration.ofDays(40)), "南彭储罐区3号罐", new Casualties(1, 2, 1_800_000),
                Duration.ofMinutes(40), AccidentStatus.INVESTIGATING);
        written += accident("acc-demo-banan-02", "gas-banan-01", "重庆巴南鱼洞燃气有限公司", "巴南区", "鱼洞街道", "TOWN_GAS",
                AccidentKind.GAS_EXPLOSION, now.minus(Duration.ofDays(365 + 45)), "鱼洞街道调压站", new Casualties(2, 0, 900_000),
                Duration.ofMinutes(50), AccidentStatus.CLOSED);
        written += accident("acc-demo-yubei-01", "build-yubei-01", "重庆渝北城建工程有限公司", "渝北区", "龙溪街道", "CONSTRUCTION",
                AccidentKind.FALL_FROM_HEIGHT, now.minus(Duration.ofDays(10)), "空港新城项目5号楼", new Casualties(1, 0, 1_200_000),
                Duration.ofMinutes(190), AccidentStatus.REPORTED);
        LocalDate day = today.date();
        written += rota(day, "巴南区", new DutyRota.Officer("王建国", "13800000011", "副局长"),
                new DutyRota.Officer("李明", "023-66220011", "值班员"));
        written += rota(day, "渝北区", new DutyRota.Officer("赵刚", "13800000021", "副局长"),
                new DutyRota.Officer("陈静", "023-67820021", "值班员"));
        if (written > 0) {
            LOG.infof("demo seed wrote %d emergency records", written);
        }
    }

    /** The town as enterprise-service seeds the enterprise: a town regulator's scope (it was missing, so none saw them). */
    private int accident(String id, String enterpriseId, String name, String district, String town, String sector, AccidentKind kind,
                         Instant occurredAt, String place, Casualties casualties, Duration reportedAfter, AccidentStatus status) {
        if (accidents.byId(id).isPresent()) {
            return 0;
        }
        AccidentGrade grade = grading.grade(casualties);
        Instant county = occurredAt.plus(reportedAfter);
        List<Accident.LevelReport> reports = new ArrayList<>(List.of(new Accident.LevelReport(ReportLevel.COUNTY, county, "seed")));
        if (status != AccidentStatus.REPORTED) {
            reports.add(new Accident.LevelReport(ReportLevel.CITY, county.plus(Duration.ofMinutes(70)), "seed"));
        }
        LocalDate on = today.dateOf(occurredAt);
        accidents.insert(new Accident(id, 1, enterpriseId, name, district, town, sector, kind, occurredAt, on, place,
                "演示数据", casualties, grade, List.of(new ReportingDeadlines.GradeAt(grade, occurredAt)), reports, List.of(), status,
                status == AccidentStatus.REPORTED ? null : new Accident.Investigation(district + "应急管理局事故调查组", on.plusDays(1), "seed"),
                status == AccidentStatus.CLOSED ? new Accident.Closure(on.plusDays(60), "调查报告已批复，责任单位已处理", "seed") : null,
                "seed", occurredAt.plus(reportedAfter)));
        return 1;
    }

    private int rota(LocalDate day, String district, DutyRota.Officer leader, DutyRota.Officer officer) {
        String id = DutyRotaChanged.key(day, district, null);
        if (duty.byId(id).isPresent()) {
            return 0;
        }
        duty.put(new DutyRota(id, day, district, null, leader, List.of(officer), today.now(), "seed", false, false));
        return 1;
    }
}
