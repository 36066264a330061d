package io.safetyhub.enterprise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.safetyhub.enterprise.access.Fixtures;
import io.safetyhub.enterprise.assessment.RiskAssessmentRequest;
import io.safetyhub.enterprise.commitment.CommitmentRequest;
import io.safetyhub.enterprise.duty.DutyCheckRequest;
import io.safetyhub.enterprise.duty.DutyHoldersRequest;
import io.safetyhub.enterprise.disclosure.Disclosure;
import io.safetyhub.enterprise.enterprise.EnterpriseRequest;
import io.safetyhub.enterprise.enterprise.StatusChangeRequest;
import io.safetyhub.enterprise.hazard.HazardRequest;
import io.safetyhub.enterprise.hazard.TransitionRequest;
import io.safetyhub.enterprise.checks.CheckResultRequest;
import io.safetyhub.enterprise.majorhazard.MajorHazardRequest;
import io.safetyhub.enterprise.riskcolour.ColourOverrideRequest;
import io.safetyhub.enterprise.riskpoint.RiskPointRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every request record bounds its texts and lists and refuses control characters in what a person types: one
 * field of a valid body at a time is set to a value just past its bound, and exactly that field is named.
 */
class RequestBoundsTest {
    // Like Quarkus' mapper: unknown fields (the fixtures' idCardNumber) are dropped, not refused.
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static final String ENTERPRISE = """
            {"id": "chem-banan-01", "name": "重庆南彭化工储运有限公司", "uscc": "91500113MA5U4XYD7T", "legalRepresentative": "陈建国",
             "address": "重庆市巴南区南彭街道华南村化工园区8号", "district": "巴南区", "town": "南彭街道",
             "longitude": 106.6712, "latitude": 29.3845, "sectors": ["HAZARDOUS_CHEMICALS"], "riskColour": "ORANGE",
             "standardisationGrade": "GRADE_2", "insurance": {"policyNumber": "AQZR-2026-500113-0001", "expiresOn": "2027-03-31"}}""";
    private static final Map<String, Class<?>> TYPES = Map.ofEntries(Map.entry("enterprise", EnterpriseRequest.class),
            Map.entry("status", StatusChangeRequest.class), Map.entry("hazard", HazardRequest.class),
            Map.entry("transition", TransitionRequest.class), Map.entry("commitment", CommitmentRequest.class),
            Map.entry("disclosure", Disclosure.class), Map.entry("majorHazard", MajorHazardRequest.class),
            Map.entry("riskPoint", RiskPointRequest.class), Map.entry("override", ColourOverrideRequest.class),
            Map.entry("checkResult", CheckResultRequest.class), Map.entry("dutyHolders", DutyHoldersRequest.class),
            Map.entry("dutyCheck", DutyCheckRequest.class), Map.entry("assessment", RiskAssessmentRequest.class));

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            enterprise | name                                          | long:101
            enterprise | name                                          | nul
            enterprise | id                                            | long:65
            enterprise | legalRepresentative                           | long:51
            enterprise | address                                       | long:301
            enterprise | address                                       | escape
            enterprise | district                                      | long:51
            enterprise | town                                          | nul
            enterprise | sectors                                       | sectors:11
            enterprise | insurance.policyNumber                        | long:65
            enterprise | insurance.policyNumber                        | nul
            status     | reason                                        | long:2001
            status     | reason                                        | nul
            hazard     | enterpriseId                                  | long:65
            hazard     | description                                   | long:2001
            hazard     | description                                   | nul
            hazard     | responsiblePerson                             | long:51
            hazard     | measures                                      | escape
            hazard     | funds                                         | 1e300
            transition | note                                          | long:2001
            transition | note                                          | nul
            commitment | repairNote                                    | long:2001
            commitment | signedBy                                      | escape
            commitment | note                                          | nul
            disclosure | responsiblePersons.principal.name             | long:51
            disclosure | responsiblePersons.principal.post             | nul
            disclosure | responsiblePersons.principal.phone            | 500113198001011234
            disclosure | responsiblePersons.principal.phone            | 1234
            disclosure | majorRiskPoints.0.facility                    | nul
            disclosure | majorRiskPoints.0.risk                        | long:501
            disclosure | majorRiskPoints.0.controlMeasures             | measures:31
            disclosure | majorRiskPoints.0.controlMeasures.0           | escape
            disclosure | hazardSourceGuardians.0.hazardSourceId        | long:65
            disclosure | hazardSourceGuardians.0.hazardSourceName      | nul
            majorHazard | name                                         | long:101
            majorHazard | name                                         | nul
            majorHazard | peopleWithin500m                             | -1
            majorHazard | substances.0.substance                       | long:101
            majorHazard | substances.0.substance                       | escape
            majorHazard | substances.0.quantity                        | 0
            majorHazard | substances.0.quantity                        | -3
            riskPoint  | name                                          | long:101
            riskPoint  | hazards.0                                     | long:501
            riskPoint  | hazards.0                                     | nul
            riskPoint  | longitude                                     | 181
            riskPoint  | measures.0.description                        | long:501
            riskPoint  | measures.0.tasks.0.content                    | escape
            riskPoint  | measures.0.tasks.0.post                       | long:51
            riskPoint  | measures.0.tasks.0.id                         | long:65
            override   | reason                                        | long:2001
            override   | reason                                        | nul
            checkResult | note                                         | long:2001
            checkResult | note                                         | nul
            dutyHolders | main.name                                    | long:51
            dutyHolders | technical.position                           | nul
            dutyHolders | operational.phone                            | 500113198001011234
            dutyCheck  | personName                                    | long:51
            dutyCheck  | findings                                      | long:2001
            dutyCheck  | findings                                      | escape
            assessment | assessor                                      | long:101
            assessment | note                                          | nul
            assessment | deductions.0.code                             | long:11
            assessment | deductions.0.finding                          | long:501
            assessment | bonuses.0                                     | long:11
            """)
    void shouldNameTheFieldWhenOneValueIsPastItsBound(String type, String field, String value) throws Exception {
        Set<ConstraintViolation<Object>> violations = validate(type, field, value);
        String expected = field.replaceAll("\\.(\\d+)", "[$1]");
        assertTrue(!violations.isEmpty() && violations.stream().allMatch(v -> v.getPropertyPath().toString().startsWith(expected)),
                () -> type + "." + field + " = " + value + " gave " + violations.stream()
                        .map(v -> v.getPropertyPath() + ": " + v.getMessage()).toList());
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            enterprise | name                               | long:100
            enterprise | address                            | 重庆市巴南区\\n南彭街道\\t8号
            hazard     | description                        | long:2000
            disclosure | responsiblePersons.principal.phone | 6622003
            disclosure | responsiblePersons.principal.phone | 023-66220003-1234
            disclosure | responsiblePersons.principal.phone | +86 138 1234 5678
            majorHazard | substances.0.quantity             | 0.001
            riskPoint  | name                               | long:100
            riskPoint  | measures.0.tasks.0.post            | long:50
            dutyCheck  | findings                           | long:2000
            assessment | deductions.0.finding               | long:500
            """)
    void shouldAcceptWhenValueIsWithinItsBound(String type, String field, String value) throws Exception {
        assertEquals(Set.of(), validate(type, field, value.replace("\\n", "\n").replace("\\t", "\t")));
    }

    private static Set<ConstraintViolation<Object>> validate(String type, String field, String value) throws Exception {
        JsonNode body = JSON.readTree(switch (type) {
            case "enterprise" -> ENTERPRISE;
            case "status" -> "{\"status\": \"SUSPENDED\", \"reason\": \"渝应急停〔2026〕12号\"}";
            case "hazard" -> Fixtures.hazard("chem-banan-01", "HAZARDOUS_CHEMICALS", "GENERAL", LocalDate.parse("2026-12-31"));
            case "transition" -> "{\"to\": \"RECTIFYING\", \"note\": \"开始整改\"}";
            case "commitment" -> Fixtures.COMMITMENT;
            case "disclosure" -> Fixtures.DISCLOSURE;
            case "majorHazard" -> Fixtures.MAJOR_HAZARD;
            case "riskPoint" -> Fixtures.RISK_POINT;
            case "override" -> "{\"colour\": \"RED\", \"reason\": \"现场核实\"}";
            case "checkResult" -> "{\"outcome\": \"FAILED\", \"note\": \"液位计失灵\"}";
            case "dutyHolders" -> Fixtures.DUTY_HOLDERS;
            case "dutyCheck" -> "{\"role\": \"MAIN\", \"personName\": \"甲\", \"date\": \"2026-11-30\", \"findings\": \"正常\","
                    + " \"outcome\": \"OK\"}";
            case "assessment" -> Fixtures.assessment(LocalDate.parse("2026-11-30")).replace("\"deductions\"",
                    "\"bonuses\": [\"B1\"], \"deductions\"");
            default -> throw new IllegalArgumentException(type);
        });
        set(body, field.split("\\."), 0, value(value));
        Object request = JSON.treeToValue(body, TYPES.get(type));
        return VALIDATOR.validate(request);
    }

    private static JsonNode value(String spec) {
        if (spec.startsWith("long:")) {
            return JSON.getNodeFactory().textNode("长".repeat(Integer.parseInt(spec.substring(5))));
        }
        if (spec.startsWith("sectors:") || spec.startsWith("measures:")) {
            ArrayNode list = JSON.createArrayNode();
            int n = Integer.parseInt(spec.substring(spec.indexOf(':') + 1));
            for (int i = 0; i < n; i++) {
                list.add(spec.startsWith("sectors:") ? "INDUSTRY_TRADE" : "措施" + i);
            }
            return list;
        }
        return switch (spec) {
            case "nul" -> JSON.getNodeFactory().textNode("测试\u0000文本");
            case "escape" -> JSON.getNodeFactory().textNode("测试\u001b[2J文本");
            case "1e300" -> JSON.getNodeFactory().numberNode(1e300);
            default -> JSON.getNodeFactory().textNode(spec);
        };
    }

    private static void set(JsonNode node, String[] path, int at, JsonNode value) {
        String step = path[at];
        boolean last = at == path.length - 1;
        if (node instanceof ArrayNode array) {
            int index = Integer.parseInt(step);
            if (last) {
                array.set(index, value);
            } else {
                set(array.get(index), path, at + 1, value);
            }
        } else if (last) {
            ((ObjectNode) node).set(step, value);
        } else {
            set(node.get(step), path, at + 1, value);
        }
    }
}
