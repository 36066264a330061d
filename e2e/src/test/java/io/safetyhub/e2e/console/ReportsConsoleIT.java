package io.safetyhub.e2e.console;

import io.restassured.http.ContentType;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.e2e.E2ePlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report and credit pages in headless Chromium at phone width: a handler (handler.banan) finds a report filed
 * anonymously through the gateway, takes it on (受理) and opens who reported; an enterprise (ent.chem) sees its own
 * credit grade and the changes behind it. Screenshots in {@code e2e/target/screenshots/reports-*}.
 */
class ReportsConsoleIT {
    private static final String PASSWORD = "safetyhub";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> APPS = List.of("enterprise-service", "enforcement-service", "gateway");
    private static String gateway;
    private static String console;

    @BeforeAll
    static void startPlatform() {
        gateway = E2ePlatform.start(APPS).get("gateway");
        console = gateway.replace("127.0.0.1", "localhost") + "/";
        String token = TestInfra.shared().token("reg.banan");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token).get(gateway + "/api/enforcement/roster/enterprises?size=100")
                .then().statusCode(200).body("items.id", hasItem("chem-banan-01")));
    }

    @Test
    void shouldLetAHandlerTakeOnAReportAndAnEnterpriseSeeItsGradeWhenTheConsoleIsUsedAtPhoneWidth() {
        String code = given().contentType(ContentType.JSON).body(Map.of("text", "夜间违规装卸危化品", "category", "ILLEGAL_OPERATION",
                        "enterpriseId", "chem-banan-01", "reporter", Map.of("name", "王芳", "phone", "13500001111")))
                .post(gateway + "/api/public/reports").then().statusCode(201).extract().path("trackingCode");
        ConsoleBrowser browser = ConsoleBrowser.signedIn(console, "handler.banan", PASSWORD, 390, 844);
        browser.visible("[data-testid=nav-reports]").click();
        browser.visible("[data-testid=report-row][data-code='" + code + "'] a").click();
        browser.visible("[data-testid=report-triage] input[name=note]").sendKeys("受理，转执法大队核查");
        browser.visible("[data-testid=report-triage] button[type=submit]").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=report-status]"), "已受理"));
        assertFalse(browser.visible("[data-testid=report]").getText().contains("13500001111"), "the reporter shows unasked");
        browser.visible("[data-testid=show-reporter]").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=reporter]"), "13500001111"));
        assertFitsTheScreen(browser);
        browser.screenshot("reports-01-handler");
        browser = ConsoleBrowser.signedIn(console, "ent.chem", PASSWORD, 390, 844);
        assertTrue(browser.driver().findElements(By.cssSelector("[data-testid=nav-reports]")).isEmpty(),
                "an enterprise has no report pages");
        browser.visible("[data-testid=nav-credit]").click();
        browser.visible("[data-testid=credit] [data-testid=credit-grade]");
        assertTrue(browser.driver().getCurrentUrl().endsWith("#/credit/chem-banan-01"), browser.driver().getCurrentUrl());
        assertFitsTheScreen(browser);
        browser.screenshot("reports-02-enterprise-credit");
    }

    private static void assertFitsTheScreen(ConsoleBrowser browser) {
        long visible = ((Number) browser.script("return document.documentElement.clientWidth;")).longValue();
        long content = ((Number) browser.script("return document.documentElement.scrollWidth;")).longValue();
        assertTrue(content <= visible, "the page scrolls sideways at phone width: " + content + " px wide, " + visible + " px visible");
    }
}
