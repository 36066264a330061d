package io.safetyhub.training.trainingrecord;

import io.safetyhub.training.config.TrainingConfig;
import io.safetyhub.training.enterprise.RegisteredEnterprise;
import io.safetyhub.training.personnel.Person;
import io.safetyhub.training.personnel.RoleCategory;
import jakarta.enterprise.context.ApplicationScoped;

/** Pass marks and yearly hour minimums from the configuration (defaults from 总局令3号, see TrainingConfig). */
@ApplicationScoped
public class TrainingRequirements {
    private final TrainingConfig.Training config;

    public TrainingRequirements(TrainingConfig config) {
        this.config = config.training();
    }

    public int passMark(RoleCategory category) {
        return category == RoleCategory.SPECIAL_OPERATION_WORKER ? config.specialOperationPassMark() : config.defaultPassMark();
    }

    /** Hours {@code person} must attend in {@code year}; the initial figure in the year they were hired. */
    public int requiredHours(Person person, RegisteredEnterprise enterprise, int year) {
        boolean initial = initial(person, year);
        if (person.roleCategory() == RoleCategory.PRINCIPAL || person.roleCategory() == RoleCategory.SAFETY_MANAGER) {
            boolean highRisk = enterprise != null && enterprise.sectors().stream().anyMatch(config.highRiskSectors()::contains);
            if (highRisk) {
                return initial ? config.highRiskManagerInitialHours() : config.highRiskManagerAnnualHours();
            }
            return initial ? config.managerInitialHours() : config.managerAnnualHours();
        }
        return config.otherAnnualHours();
    }

    public boolean initial(Person person, int year) {
        return person.hiredOn() != null && person.hiredOn().getYear() == year;
    }
}
