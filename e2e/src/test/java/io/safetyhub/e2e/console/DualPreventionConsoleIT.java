package io.safetyhub.e2e.console;

import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.e2e.E2ePlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dual-prevention pages in headless Chromium against enterprise-service and the gateway: the district
 * regulator's major-hazard register (the seeded tank farm graded by GB 18218-2018), the plant's risk map with its
 * points coloured by level, and the check tasks an operator of the plant works through on a phone, where a failed
 * check opens a hazard. Screenshots in {@code e2e/target/screenshots/dual-prevention-*}.
 */
class DualPreventionConsoleIT {
    private static final String PASSWORD = "safetyhub";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> APPS = List.of("enterprise-service", "gateway");
    private static final String TANK_FARM = "MHS-chem-banan-01-01";
    private static String gateway;
    private static String console;

    @BeforeAll
    static void startPlatform() {
        gateway = E2ePlatform.start(APPS).get("gateway");
        console = gateway.replace("127.0.0.1", "localhost") + "/";
        await().atMost(WAIT).untilAsserted(() -> api("reg.banan").get(gateway + "/api/major-hazards?size=100")
                .then().statusCode(200).body("items.id", hasItem(TANK_FARM)));
    }

    @Test
    void shouldShowTheTankFarmGradedAndItsRiskPointsColouredWhenTheDistrictRegulatorOpensTheRegister() {
        ConsoleBrowser browser = ConsoleBrowser.signedIn(console, "reg.banan", PASSWORD, 1366, 900);
        browser.visible("[data-testid=nav-register]").click();
        WebElement tankFarm = browser.visible("[data-testid=mh-row][data-id=" + TANK_FARM + "]");
        assertEquals("70", tankFarm.findElement(By.cssSelector("[data-testid=mh-r]")).getText());
        assertEquals("二级", tankFarm.findElement(By.cssSelector("[data-testid=mh-grade]")).getText());
        browser.visible("[data-testid=mh-counts]");
        browser.screenshot("dual-prevention-01-register");

        tankFarm.findElement(By.cssSelector("[data-testid=mh-enterprise]")).click();
        // 液氨储罐区: LEC 1 × 6 × 40 = 240, orange; drawn in the orange of the risk colours.
        WebElement point = browser.visible("[data-testid=risk-map] [data-testid=risk-point][data-point=rp-chem-banan-01-01]");
        assertEquals("ORANGE", point.getAttribute("data-colour"));
        assertEquals("#f08a24", point.findElement(By.cssSelector("circle.dot-core")).getAttribute("fill"));
        assertEquals("BLUE", browser.visible("[data-testid=risk-point][data-point=rp-chem-banan-01-03]")
                .getAttribute("data-colour"));
        assertTrue(browser.visible("[data-testid=check-tasks]").getText().contains("SIS 联锁回路功能测试"));
        assertTrue(browser.visible("[data-testid=control-measures]").getText().contains("有毒气体检测报警仪完好"));
        browser.screenshot("dual-prevention-02-risk-map");
    }

    @Test
    void shouldOpenAHazardInTheHazardListWhenTheOperatorFailsACheckOnThePhone() {
        // The check scheduler makes the plant's tasks fall due once at start, after the demo seed (CheckScheduler).
        await().atMost(WAIT).untilAsserted(() -> api("ent.chem")
                .get(gateway + "/api/check-instances?enterpriseId=chem-banan-01&status=OPEN")
                .then().statusCode(200).body("total", greaterThan(0)));
        String finding = "界面排查 " + UUID.randomUUID().toString().substring(0, 8) + "：氨气检测报警仪无响应";
        ConsoleBrowser browser = ConsoleBrowser.signedIn(console, "ent.chem", PASSWORD, 390, 844);
        browser.visible("[data-testid=nav-checks]").click();
        WebElement card = browser.visible("[data-testid=check-card][data-status=OPEN]");
        String instance = card.getAttribute("data-id");
        assertFitsTheScreen(browser);
        browser.screenshot("dual-prevention-03-checks-phone");

        // Failing without a note is refused in the page; with one it is recorded and opens a hazard.
        card.findElement(By.cssSelector("[data-testid=check-failed]")).click();
        assertEquals("OPEN", browser.visible("[data-testid=check-card][data-id='" + instance + "']").getAttribute("data-status"));
        card.findElement(By.cssSelector("[data-testid=check-note]")).sendKeys(finding);
        card.findElement(By.cssSelector("[data-testid=check-failed]")).click();
        WebElement hazardLink = browser.visible("[data-testid=check-card][data-id='" + instance + "'] [data-testid=check-hazard]");
        assertEquals("FAILED", browser.visible("[data-testid=check-card][data-id='" + instance + "']").getAttribute("data-status"));
        String hazardId = hazardLink.getAttribute("href").replaceAll(".*#/hazards/", "");
        assertFitsTheScreen(browser);
        browser.screenshot("dual-prevention-04-check-failed");

        browser.visible("[data-testid=nav-hazards]").click();
        WebElement row = browser.visible("[data-testid=hazard-row] a[href='#/hazards/" + hazardId + "']");
        assertTrue(row.getText().startsWith("风险点「"), row.getText());
        row.click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".message"), finding));
        browser.screenshot("dual-prevention-05-hazard");
    }

    /** Nothing wider than the visible width (clientWidth leaves the vertical scrollbar out): no sideways scroll. */
    private static void assertFitsTheScreen(ConsoleBrowser browser) {
        long visible = ((Number) browser.script("return document.documentElement.clientWidth;")).longValue();
        long content = ((Number) browser.script("return document.documentElement.scrollWidth;")).longValue();
        assertTrue(visible <= 390, "the window is not phone-wide: " + visible + " px");
        assertTrue(content <= visible, "the page scrolls sideways at phone width: " + content + " px wide, "
                + visible + " px visible");
    }

    private static RequestSpecification api(String user) {
        return given().auth().oauth2(TestInfra.shared().token(user));
    }
}
