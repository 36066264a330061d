package io.safetyhub.enterprise.seed;

import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.duty.DutyFrequency;
import io.safetyhub.enterprise.duty.DutyHoldersRequest;
import io.safetyhub.enterprise.duty.DutyHoldersRequest.Person;
import io.safetyhub.enterprise.duty.DutyPeriod;
import io.safetyhub.enterprise.duty.DutyService;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The 包保责任人 of the demo tank farm, as its disclosure names them (陈建国 主要负责人, 孙伟 技术负责人, 郑涛 操作负责人),
 * named as from the Monday of the week before the first seeding: that week ended without the 操作负责人's weekly check,
 * so the duty scheduler announces one overdue period (the quarterly periods of the other two then under way have
 * not ended). Written once; later edits and checks are the enterprise's.
 */
@ApplicationScoped
public class DemoDuties {
    private final DutyService duties;
    private final EnterpriseConfig config;
    private final Clock clock;

    public DemoDuties(DutyService duties, EnterpriseConfig config, Clock clock) {
        this.duties = duties;
        this.config = config;
        this.clock = clock;
    }

    /** @return whether the holders were new */
    boolean seed() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), config.zone());
        LocalDate lastWeek = DutyPeriod.containing(DutyFrequency.WEEKLY, today).start().minusWeeks(1);
        return duties.seed(DemoMajorHazards.TANK_FARM, new DutyHoldersRequest(
                new Person("陈建国", "总经理", "13812345678"),
                new Person("孙伟", "总工程师", "13983020004"),
                new Person("郑涛", "罐区班长", "13983020003")), lastWeek);
    }
}
