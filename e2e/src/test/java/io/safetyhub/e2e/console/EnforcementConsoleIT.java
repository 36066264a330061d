package io.safetyhub.e2e.console;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.e2e.E2ePlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The enforcement pages in headless Chromium at phone width (390 px), as a district regulator uses them on site:
 * a plan, the double-random draw and its re-run, the inspection with a photo from the "camera" (a file input with
 * {@code capture}), both signatures, the penalty case moved to 结案 through its transitions, and the posting
 * published and then read anonymously through the API. Screenshots in {@code e2e/target/screenshots/enforcement-*}.
 */
class EnforcementConsoleIT {
    private static final String PASSWORD = "safetyhub";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> APPS = List.of("enterprise-service", "enforcement-service", "gateway");
    private static final String FAILED_ITEM = "HC-MH-05";
    private static String gateway;
    private static String console;

    @BeforeAll
    static void startPlatform() {
        gateway = E2ePlatform.start(APPS).get("gateway");
        console = gateway.replace("127.0.0.1", "localhost") + "/";
        await().atMost(WAIT).untilAsserted(() -> api("reg.banan").get(gateway + "/api/enforcement/roster/enterprises?size=100")
                .then().statusCode(200).body("items.id", hasItem("chem-banan-01")));
        for (String name : List.of("周岚", "吴迪", "郑凯")) {
            api("ops").body(Map.of("name", name, "badgeNumber", "UI" + UUID.randomUUID().toString().substring(0, 8),
                    "district", "巴南区", "sectors", List.of("HAZARDOUS_CHEMICALS"))).post(gateway + "/api/enforcement/inspectors")
                    .then().statusCode(201);
        }
    }

    @Test
    void shouldTakeARegulatorFromPlanToPublicPostingWhenTheConsoleIsUsedAtPhoneWidth() throws Exception {
        ConsoleBrowser browser = ConsoleBrowser.signedIn(console, "reg.banan", PASSWORD, 390, 844);
        browser.visible("[data-testid=nav-enforcement]").click();

        // Plan and draw, then anyone's re-run of the draw.
        String title = "界面计划 " + UUID.randomUUID().toString().substring(0, 6);
        browser.visible("[data-testid=plan-title]").sendKeys(title);
        new Select(browser.visible("[data-testid=plan-sector]")).selectByValue("HAZARDOUS_CHEMICALS");
        browser.visible("[data-testid=plan-create]").click();
        browser.visible("[data-testid=draw]").click();
        WebElement drawn = browser.visible("[data-testid=drawn-enterprise]");
        assertTrue(drawn.getText().contains("重庆南彭化工储运有限公司"), drawn.getText());
        browser.visible("[data-testid=verify-draw]").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=draw-verdict]"), "复核一致"));
        assertFitsTheScreen(browser);
        browser.screenshot("enforcement-01-draw");

        // The inspection on the phone: one item fails with a photo, the rest pass, both inspectors sign.
        browser.visible("[data-testid=open-inspection]").click();
        browser.visible("[data-testid=checklist]");
        String inspection = browser.driver().getCurrentUrl().replaceAll(".*#/inspections/", "");
        new Select(browser.visible("[data-testid=outcome-" + FAILED_ITEM + "]")).selectByValue("FAIL");
        browser.visible("[data-testid=note-" + FAILED_ITEM + "]").sendKeys("二号罐区未设置有毒气体报警仪");
        browser.script("const d = arguments[0]; d.value = arguments[1]; d.dispatchEvent(new Event('change'));",
                browser.visible("[data-testid=deadline-" + FAILED_ITEM + "]"), today().plusDays(30).toString());
        browser.driver().findElement(By.cssSelector("[data-testid=photo-" + FAILED_ITEM + "]"))
                .sendKeys(photoFile().toAbsolutePath().toString());
        browser.visible("[data-code=" + FAILED_ITEM + "] [data-testid=evidence-thumb]");
        assertFitsTheScreen(browser);
        browser.screenshot("enforcement-02-inspection-photo");
        WebElement checklist = browser.visible("[data-testid=checklist]");
        browser.visible("[data-testid=save-results]").click();
        // The page is drawn anew once the results are stored; signing before that would sign an empty sheet.
        browser.waitFor(ExpectedConditions.stalenessOf(checklist));
        List<Map<String, String>> team = api("reg.banan").get(gateway + "/api/enforcement/inspections/" + inspection)
                .then().statusCode(200).extract().jsonPath().getList("team");
        for (Map<String, String> member : team) {
            browser.visible("[data-testid=badge-" + member.get("inspectorId") + "]").sendKeys(member.get("badgeNumber"));
            browser.visible("[data-testid=sign-" + member.get("inspectorId") + "]").click();
            browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(
                    By.cssSelector("[data-testid=sign-" + member.get("inspectorId") + "]")));
        }
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1"), "已完成"));
        browser.screenshot("enforcement-03-signed");

        // The penalty case (filed over the API) moved through its states in the console.
        String caseId = api("reg.banan").body(Map.of("enterpriseId", "chem-banan-01", "violationCode", "AQF-108",
                        "facts", "负责人陈建国（13812345678）未按规定设置报警装置", "party", "陈建国", "inspectionId", inspection,
                        "findingIds", List.of(inspection + "." + FAILED_ITEM)))
                .post(gateway + "/api/enforcement/cases").then().statusCode(201).extract().path("id");
        String number = "渝巴应急罚〔" + today().getYear() + "〕U" + UUID.randomUUID().toString().substring(0, 8) + "号";
        browser.driver().get(console + "#/cases/" + caseId);
        step(browser, "NOTIFIED", Map.of("proposedAmount", "30000"), "告知");
        step(browser, "DECIDED", Map.of("decisionNumber", number, "amount", "30000"), "决定");
        step(browser, "EXECUTED", Map.of("paidOn", today().toString(), "receiptNumber", "UI-0001"), "执行");
        step(browser, "CLOSED", Map.of("reason", "罚款已缴清"), "结案");
        assertFitsTheScreen(browser);
        browser.screenshot("enforcement-04-case-closed");

        // 执法公示: published from the console, then read by anyone without a token, masked.
        browser.visible("[data-testid=nav-postings]").click();
        browser.visible("[data-testid=publish-po-" + caseId + "]").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=postings]"), number));
        browser.screenshot("enforcement-05-posting");
        String posted = given().when().get(gateway + "/api/public/enforcement/postings/po-" + caseId)
                .then().statusCode(200).extract().asString();
        assertTrue(posted.contains(number) && posted.contains("陈*国") && !posted.contains("13812345678"), posted);
    }

    /** Chooses the target state, fills the step's fields and waits for the case to show the new state. */
    private static void step(ConsoleBrowser browser, String to, Map<String, String> fields, String shown) {
        new Select(browser.visible("[data-testid=case-to]")).selectByValue(to);
        fields.forEach((name, value) -> browser.script("const i = arguments[0]; i.value = arguments[1];",
                browser.visible("[data-testid=case-" + name + "]"), value));
        WebElement submit = browser.visible("[data-testid=case-submit]");
        browser.script("arguments[0].scrollIntoView({block: 'center'});", submit);
        submit.click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=case-status]"), shown));
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
        return given().auth().oauth2(TestInfra.shared().token(user)).contentType(ContentType.JSON);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** A real JPEG on disk, as the phone's camera hands it to the file input. */
    private static Path photoFile() throws Exception {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        Path file = Files.createDirectories(Path.of("target", "photos")).resolve("site-" + UUID.randomUUID() + ".jpg");
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }
}
