package io.safetyhub.enterprise.access;

import java.time.LocalDate;
import java.time.ZoneId;

/** Request bodies shared by the tests. */
public final class Fixtures {
    public static final String PERSON = "{\"name\": \"陈建国\", \"post\": \"总经理\", \"phone\": \"13812345678\", \"idCardNumber\": \"500113198001011234\"}";

    public static final String DISCLOSURE = """
            {"responsiblePersons": {"administrative": %1$s, "industrySupervision": %1$s,
              "professionalSupervision": %1$s, "principal": %1$s},
             "majorRiskPoints": [{"facility": "液氨储罐区", "risk": "泄漏中毒", "controlMeasures": ["SIS 联锁"],
               "deputyInCharge": %1$s, "departmentHead": %1$s, "directlyResponsible": %1$s}],
             "hazardSourceGuardians": [{"hazardSourceId": "HS-chem-banan-01-1", "hazardSourceName": "液氨储罐区", "grade": 2,
               "principal": %1$s, "technical": %1$s, "operational": %1$s}]}
            """.formatted(PERSON);

    public static final String COMMITMENT = """
            {"allHazardSourcesUnderControl": true, "hazardSourceCount": 1,
             "specialOperations": {"hotWork": 1, "confinedSpace": 0, "blindPlate": 0, "workAtHeight": 2, "lifting": 0,
               "temporaryElectricity": 0, "earthworks": 0, "roadClosure": 0},
             "equipmentUnderRepair": false, "signedBy": "陈建国"}
            """;

    /** A small installation: 液氯 10 t, 20 people within 500 m (S = 2, R = 1.0 × 4 × 2 = 8, 四级). */
    public static final String MAJOR_HAZARD = """
            {"name": "矩阵测试库", "unitType": "WAREHOUSE", "peopleWithin500m": 20,
             "substances": [{"substance": "液氯", "quantity": 10}]}
            """;

    /** The three 包保责任人 of an installation. */
    public static final String DUTY_HOLDERS = """
            {"main": {"name": "甲", "position": "总经理", "phone": "13800000001"},
             "technical": {"name": "乙", "position": "总工程师", "phone": "13800000002"},
             "operational": {"name": "丙", "position": "班长", "phone": "13800000003"}}
            """;

    /** A 100-point assessment of the 2018 guide on a day: 100 − 10 − 5 = 85, YELLOW. */
    public static String assessment(LocalDate day) {
        return """
                {"assessedOn": "%s", "assessor": "矩阵测试评估组",
                 "deductions": [{"code": "G1-1", "points": 10, "finding": "一级重大危险源"}, {"code": "G5-1", "points": 5}]}
                """.formatted(day);
    }

    /** A blue risk point (LEC 1 × 6 × 7 = 42) with one weekly task. */
    public static final String RISK_POINT = """
            {"name": "矩阵测试点", "longitude": 106.67, "latitude": 29.38, "hazards": ["测试"], "method": "LEC",
             "l": 1, "e": 6, "c": 7, "measures": [{"description": "测试措施",
               "tasks": [{"content": "测试检查", "frequency": "WEEKLY", "post": "测试岗"}]}]}
            """;

    private Fixtures() {
    }

    public static String hazard(String enterpriseId, String category, String grade) {
        return hazard(enterpriseId, category, grade, LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10));
    }

    public static String hazard(String enterpriseId, String category, String grade, LocalDate deadline) {
        return "{\"enterpriseId\": \"" + enterpriseId + "\", \"source\": \"SELF_CHECK\", \"grade\": \"" + grade
                + "\", \"category\": \"" + category + "\", \"description\": \"测试隐患\", \"responsiblePerson\": \"测试人\","
                + " \"measures\": \"整改\", \"funds\": 100, \"deadline\": \"" + deadline + "\"}";
    }
}
