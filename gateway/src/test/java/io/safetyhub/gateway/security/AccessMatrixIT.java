package io.safetyhub.gateway.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.gateway.proxy.EchoUpstreams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every route of the default table × every kind of caller, with real tokens, as the gateway decides it
 * (the upstreams are echo servers: 200 means "relayed", and an allowed cell is exactly 200, so a 409 or any
 * other answer of a service fails it). Tenant scope of the proxied routes is the
 * services' business and tested there; the alarm stream, which the gateway serves itself, is scoped in
 * AlarmStreamIT. Enterprise A and B get the same answers here on purpose: the door does not know
 * whose data a path holds.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class AccessMatrixIT {
    private static final List<String> CALLERS = List.of("", "ent.chem", "ent.build", "reg.banan", "reg.city", "ops");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0} {1}: anonymous={2} entA={3} entB={4} regDistrict={5} regCity={6} ops={7}")
    @CsvSource({
            // method, path,                        anon, entA, entB, regD, regC, ops
            "GET,    /api/enterprises,                401, 200, 200, 200, 200, 200",
            "POST,   /api/enterprises,                401, 200, 200, 200, 200, 200",
            "DELETE, /api/enterprises/e1,             401, 200, 200, 200, 200, 200",
            "GET,    /api/hazards/h1,                 401, 200, 200, 200, 200, 200",
            "PATCH,  /api/hazards/h1,                 401, 200, 200, 200, 200, 200",
            "POST,   /api/commitments,                401, 200, 200, 200, 200, 200",
            // dual prevention and the major-hazard register: the district-wide views are the regulators'
            "GET,    /api/major-hazards,              401, 403, 403, 200, 200, 200",
            "GET,    /api/major-hazards/by-grade,     401, 403, 403, 200, 200, 200",
            "GET,    /api/major-hazards/thresholds,   401, 200, 200, 200, 200, 200",
            "POST,   /api/major-hazards,              403, 403, 403, 403, 403, 403",
            "GET,    /api/risk-points,                401, 403, 403, 200, 200, 200",
            "GET,    /api/check-instances/overdue,    401, 200, 200, 200, 200, 200",
            "POST,   /api/check-instances/c1/result,  401, 200, 200, 403, 403, 403",
            // 包保 duties overdue across a scope are the regulators'; the assessment items table is everyone's
            "GET,    /api/duties/overdue,             401, 403, 403, 200, 200, 200",
            "POST,   /api/duties/overdue,             403, 403, 403, 403, 403, 403",
            "GET,    /api/risk-assessments/items,     401, 200, 200, 200, 200, 200",
            "POST,   /api/risk-assessments/items,     403, 403, 403, 403, 403, 403",
            "GET,    /api/enterprises/e1/risk-map,    401, 200, 200, 200, 200, 200",
            "GET,    /api/devices,                    401, 200, 200, 200, 200, 200",
            "POST,   /api/devices,                    401, 403, 403, 403, 403, 200",
            "DELETE, /api/devices/d1,                 401, 403, 403, 403, 403, 200",
            "GET,    /api/alarms,                     401, 200, 200, 200, 200, 200",
            "POST,   /api/alarms/a1/acknowledge,      401, 200, 200, 200, 200, 200",
            "GET,    /api/alarms/stream,              401, 200, 200, 200, 200, 200",
            "GET,    /api/rules,                      401, 200, 200, 200, 200, 200",
            "PUT,    /api/rules/r1,                   401, 200, 200, 200, 200, 200",
            "GET,    /api/readings/d1,                401, 200, 200, 200, 200, 200",
            "POST,   /api/readings,                   403, 403, 403, 403, 403, 403",
            "GET,    /api/warnings,                   401, 200, 200, 200, 200, 200",
            "POST,   /api/warnings,                   401, 200, 200, 200, 200, 200",
            "GET,    /api/stats/overview,             401, 200, 200, 200, 200, 200",
            "POST,   /api/stats/overview,             403, 403, 403, 403, 403, 403",
            "GET,    /api/personnel,                  401, 200, 200, 200, 200, 200",
            "POST,   /api/personnel,                  401, 200, 200, 200, 200, 200",
            "GET,    /api/certificates,               401, 200, 200, 200, 200, 200",
            "PUT,    /api/certificates/c1,            401, 200, 200, 200, 200, 200",
            "GET,    /api/training-records,           401, 200, 200, 200, 200, 200",
            "POST,   /api/training-records,           401, 200, 200, 200, 200, 200",
            "GET,    /api/activities,                 401, 200, 200, 200, 200, 200",
            "POST,   /api/activities,                 401, 200, 200, 200, 200, 200",
            "GET,    /api/exam-results,               401, 200, 200, 200, 200, 200",
            "POST,   /api/exam-results,               401, 200, 200, 200, 200, 200",
            "GET,    /api/compliance/summary,         401, 200, 200, 200, 200, 200",
            "POST,   /api/compliance/reminders/check, 401, 403, 403, 403, 403, 200",
            "DELETE, /api/compliance/summary,         403, 403, 403, 403, 403, 403",
            "GET,    /api/public/enterprises,         200, 200, 200, 200, 200, 200",
            "POST,   /api/public/enterprises,         403, 403, 403, 403, 403, 403",
            "GET,    /api/public/activities,          200, 200, 200, 200, 200, 200",
            "DELETE, /api/public/activities/a1,       403, 403, 403, 403, 403, 403",
            "GET,    /api/public/exam-results,        200, 200, 200, 200, 200, 200",
            "OPTIONS,/api/alarms,                     403, 403, 403, 403, 403, 403",
            // enforcement-service: enterprises read only (the service narrows to their own); operators keep rosters
            // and catalogues; regulators plan, draw, inspect, decide; anonymous sees draws and postings only.
            "GET,    /api/public/enforcement/draws,            200, 200, 200, 200, 200, 200",
            "GET,    /api/public/enforcement/postings/p1,      200, 200, 200, 200, 200, 200",
            "POST,   /api/public/enforcement/draws,            403, 403, 403, 403, 403, 403",
            "GET,    /api/enforcement/roster/enterprises,      401, 403, 403, 200, 200, 200",
            "GET,    /api/enforcement/inspectors,              401, 403, 403, 200, 200, 200",
            "POST,   /api/enforcement/inspectors,              401, 403, 403, 403, 403, 200",
            "PUT,    /api/enforcement/inspectors/i1,           401, 403, 403, 403, 403, 200",
            "GET,    /api/enforcement/checklists,              401, 200, 200, 200, 200, 200",
            "PUT,    /api/enforcement/checklists/c1,           401, 403, 403, 403, 403, 200",
            "GET,    /api/enforcement/violations/v1,           401, 200, 200, 200, 200, 200",
            "PUT,    /api/enforcement/violations/v1,           401, 403, 403, 403, 403, 200",
            "GET,    /api/enforcement/plans,                   401, 403, 403, 200, 200, 200",
            "POST,   /api/enforcement/plans,                   401, 403, 403, 200, 200, 403",
            "POST,   /api/enforcement/plans/p1/draws,          401, 403, 403, 200, 200, 403",
            "GET,    /api/enforcement/draws/d1/verification,   401, 403, 403, 200, 200, 200",
            "POST,   /api/enforcement/draws/d1/redraw,         401, 403, 403, 200, 200, 403",
            "GET,    /api/enforcement/inspections,             401, 200, 200, 200, 200, 200",
            "POST,   /api/enforcement/inspections,             401, 403, 403, 200, 200, 403",
            "PUT,    /api/enforcement/inspections/i1/results,  401, 403, 403, 200, 200, 403",
            "GET,    /api/enforcement/inspections/i1/evidence, 401, 200, 200, 200, 200, 200",
            "GET,    /api/enforcement/findings,                401, 200, 200, 200, 200, 200",
            "POST,   /api/enforcement/findings,                403, 403, 403, 403, 403, 403",
            "GET,    /api/enforcement/reinspections,           401, 200, 200, 200, 200, 200",
            "POST,   /api/enforcement/reinspections/r1/outcome,401, 403, 403, 200, 200, 403",
            "GET,    /api/enforcement/supervisions,            401, 200, 200, 200, 200, 200",
            "POST,   /api/enforcement/supervisions/s1/lift,    401, 403, 403, 200, 200, 403",
            "GET,    /api/enforcement/cases,                   401, 200, 200, 200, 200, 200",
            "POST,   /api/enforcement/cases/c1/transitions,    401, 403, 403, 200, 200, 403",
            "DELETE, /api/enforcement/cases/c1,                403, 403, 403, 403, 403, 403",
            "GET,    /api/enforcement/postings,                401, 200, 200, 200, 200, 200",
            "POST,   /api/enforcement/postings/p1/publish,     401, 403, 403, 200, 200, 403",
            // reports (举报): anyone files and follows one; regulators handle them; enterprises never see them
            "POST,   /api/public/reports,                      200, 200, 200, 200, 200, 200",
            "GET,    /api/public/reports/JB1,                  200, 200, 200, 200, 200, 200",
            "DELETE, /api/public/reports/JB1,                  403, 403, 403, 403, 403, 403",
            "GET,    /api/enforcement/reports,                 401, 403, 403, 200, 200, 200",
            "POST,   /api/enforcement/reports/r1/triage,       401, 403, 403, 200, 200, 403",
            "GET,    /api/enforcement/credit/e1,               401, 200, 200, 200, 200, 200",
            // emergency-service: accidents, plans, drills and experts are the enterprises' too; the rota, stocks,
            // teams, overdue filings and district counts the regulators' and operators'; safe days are public.
            "GET,    /api/public/emergency/safe-days,          200, 200, 200, 200, 200, 200",
            "POST,   /api/public/emergency/safe-days,          403, 403, 403, 403, 403, 403",
            "GET,    /api/emergency/accidents,                 401, 200, 200, 200, 200, 200",
            "POST,   /api/emergency/accidents,                 401, 200, 200, 200, 200, 403",
            "GET,    /api/emergency/duty,                      401, 403, 403, 200, 200, 200",
            "PUT,    /api/emergency/duty/d1,                   401, 403, 403, 200, 200, 200",
            "GET,    /api/emergency/duty/today,                401, 200, 200, 200, 200, 200",
            "GET,    /api/emergency/materials,                 401, 403, 403, 200, 200, 200",
            "GET,    /api/emergency/experts,                   401, 200, 200, 200, 200, 200",
            "POST,   /api/emergency/experts,                   401, 403, 403, 200, 200, 200",
            "GET,    /api/emergency/plans/overdue,             401, 403, 403, 200, 200, 200",
            "POST,   /api/emergency/plans,                     401, 200, 200, 200, 200, 403",
            "GET,    /api/emergency/map/teams,                 401, 403, 403, 200, 200, 200",
            "DELETE, /api/emergency/accidents/a1,              403, 403, 403, 403, 403, 403",
            "GET,    /api/enforcement/audit,                   401, 403, 403, 200, 200, 200",
            // An anonymous caller learns nothing about which paths exist (as at every service): 401, not 404.
            "GET,    /api/unrouted,                   401, 404, 404, 404, 404, 404"})
    void shouldAnswerExpectedStatusWhenEachCallerUsesRoute(String method, String path, int anonymous, int enterpriseA,
                                                          int enterpriseB, int districtRegulator, int cityRegulator,
                                                          int operator) throws Exception {
        List<Integer> expected = List.of(anonymous, enterpriseA, enterpriseB, districtRegulator, cityRegulator, operator);
        List<Integer> actual = new ArrayList<>();
        for (String caller : CALLERS) {
            actual.add(status(method, path, caller));
        }
        assertEquals(expected, actual, method + " " + path + " for " + CALLERS);
    }

    private static int status(String method, String path, String caller) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path));
        boolean hasBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        request.method(method, hasBody ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (hasBody) {
            request.header("Content-Type", "application/json");
        }
        if (!caller.isEmpty()) {
            request.header("Authorization", "Bearer " + TestInfra.shared().token(caller));
        }
        // The stream never ends: the status line is all that is needed, so the body is closed unread.
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }
}
