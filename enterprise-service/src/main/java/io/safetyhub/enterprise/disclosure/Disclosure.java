package io.safetyhub.enterprise.disclosure;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * An enterprise's responsibility disclosure (责任公示), as written and read by the enterprise and its
 * regulators. Identity-card numbers have no field here: they are never taken, so never shown.
 *
 * @param responsiblePersons    the four responsible persons (四个责任人)
 * @param majorRiskPoints       major risk points (重大风险点) with their three persons and control measures
 * @param hazardSourceGuardians guardians of each major hazard source (包保责任人)
 */
public record Disclosure(@NotNull @Valid ResponsiblePersons responsiblePersons,
                         @NotNull @Size(max = 100) List<@NotNull @Valid RiskPoint> majorRiskPoints,
                         @NotNull @Size(max = 100) List<@NotNull @Valid Guardians> hazardSourceGuardians) {

    /** 5-15 digits in all, '+', '-' and spaces allowed between them. */
    static final String PHONE = "(?=(?:[^0-9]*[0-9]){5,15}[^0-9]*$)[0-9+\\- ]{5,20}";
    static final String PHONE_RULE = "5-15 digits, with '+', '-' or spaces";

    /**
     * A named person with a post and a phone (masked in the public view).
     *
     * @param phone 5 to 15 digits (E.164 allows no more, so an 18-character identity-card number cannot pass for
     *              one), with '+', '-' or spaces between
     */
    public record Person(@NotBlank @Size(max = 50) @PlainText String name, @Size(max = 50) @PlainText String post,
                         @NotBlank @Size(max = 20) @Pattern(regexp = PHONE, message = PHONE_RULE) String phone) {
    }

    /**
     * 四个责任人: administrative (行政负责人), industry supervision (行业监管负责人), professional
     * supervision (专业监管负责人) and the enterprise's own principal (企业负责人).
     */
    public record ResponsiblePersons(@NotNull @Valid Person administrative, @NotNull @Valid Person industrySupervision,
                                     @NotNull @Valid Person professionalSupervision, @NotNull @Valid Person principal) {
    }

    /**
     * 重大风险点 and its three persons: deputy in charge (分管负责人), department head (部门负责人), person
     * directly responsible (直接责任人).
     */
    public record RiskPoint(@NotBlank @Size(max = 100) @PlainText String facility,
                            @NotBlank @Size(max = 500) @PlainText String risk,
                            @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 500) @PlainText String> controlMeasures,
                            @NotNull @Valid Person deputyInCharge, @NotNull @Valid Person departmentHead,
                            @NotNull @Valid Person directlyResponsible) {
    }

    /**
     * 包保责任人 of one major hazard source: principal (主要负责人), technical (技术负责人), operational (操作负责人).
     *
     * @param grade major-hazard-source grade 1 (一级, most severe) to 4 (四级)
     */
    public record Guardians(@NotBlank @Size(max = 64) @PlainText String hazardSourceId,
                            @NotBlank @Size(max = 100) @PlainText String hazardSourceName,
                            @NotNull @Min(1) @Max(4) Integer grade, @NotNull @Valid Person principal,
                            @NotNull @Valid Person technical, @NotNull @Valid Person operational) {
    }
}
