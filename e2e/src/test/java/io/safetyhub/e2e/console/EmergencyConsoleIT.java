package io.safetyhub.e2e.console;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.e2e.E2ePlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emergency pages (应急管理) in headless Chromium: an enterprise reports an accident late (flagged), 补报 raises its
 * deaths and the grade follows; it records, uploads and files a plan; the district's regulator accepts the filing,
 * holds and evaluates a large drill, dispatches tents between two towns' reserves, puts today's duty on the rota and
 * sees the accident and drill figures on the overview and the year-on-year statistics. Every step is checked
 * through the API too. Screenshots {@code e2e/target/screenshots/emergency-*}.
 */
class EmergencyConsoleIT {
    private static final String PASSWORD = "safetyhub";
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final List<String> APPS = List.of("enterprise-service", "warning-service", "emergency-service", "gateway");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static String gateway;
    private static String console;

    @BeforeAll
    static void startPlatform() {
        gateway = E2ePlatform.start(APPS).get("gateway");
        console = gateway.replace("127.0.0.1", "localhost") + "/";
        api("reg.banan"); // a first token can take long on a loaded machine: fetched before the wait starts
        await().atMost(WAIT).untilAsserted(() -> api("reg.banan").get(gateway + "/api/emergency/drills/compliance")
                .then().statusCode(200).body("enterpriseId", hasItem("chem-banan-01")));
    }

    @Test
    void shouldReportFileAndAcceptWhenAnEnterpriseAndItsRegulatorUseTheEmergencyPages() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String planTitle = "界面综合预案 " + suffix;
        ConsoleBrowser browser = ConsoleBrowser.signedIn(console, "ent.chem", PASSWORD, 1280, 900);
        browser.visible("[data-testid=nav-emergency]").click();

        // 事故快报 two hours after the accident: the county had to know within one, so it is flagged late.
        LocalDateTime occurred = LocalDateTime.now(ZONE).minusHours(3).truncatedTo(ChronoUnit.MINUTES);
        new Select(browser.visible("[data-testid=em-kind]")).selectByValue("FALL_FROM_HEIGHT");
        setValue(browser, "em-occurredAt", occurred.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        setValue(browser, "em-reportedAt", occurred.plusHours(2).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        browser.visible("[data-testid=em-place]").sendKeys("界面测试 3号仓库 " + suffix);
        setValue(browser, "em-deaths", "1");
        browser.visible("[data-testid=accident-submit]").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=accident-late-flag]"), "迟报"));
        String accident = browser.driver().getCurrentUrl().replaceAll(".*#/emergency/accidents/", "");
        assertEquals("一般事故", browser.visible("[data-testid=accident-grade]").getText());
        browser.screenshot("emergency-01-accident-late");

        // 补报: two of the injured died; three deaths make it a 较大事故 (493号 第三条).
        setValue(browser, "em-sup-deaths", "3");
        browser.visible("[data-testid=supplement-submit]").click();
        browser.waitFor(ExpectedConditions.textToBe(By.cssSelector("[data-testid=accident-grade]"), "较大事故"));
        browser.visible("[data-testid=supplement-row]");
        api("ent.chem").get(gateway + "/api/emergency/accidents/" + accident).then().statusCode(200)
                .body("grade", org.hamcrest.Matchers.equalTo("LARGER")).body("late", org.hamcrest.Matchers.equalTo(true));
        browser.screenshot("emergency-02-supplement-regraded");

        // A plan: recorded, its PDF uploaded, filed.
        tab(browser, "plans");
        browser.visible("[data-testid=em-plan-title]").sendKeys(planTitle);
        browser.visible("[data-testid=plan-submit]").click();
        WebElement row = planRow(browser, planTitle);
        row.findElement(By.cssSelector("[data-testid=plan-pdf]")).sendKeys(pdf().toAbsolutePath().toString());
        browser.waitFor(d -> rowShows(browser, "plan-row", planTitle, "已上传文本"));
        planRow(browser, planTitle).findElement(By.cssSelector("[data-testid=plan-file]")).click();
        browser.waitFor(d -> rowShows(browser, "plan-row", planTitle, "已提交"));
        browser.screenshot("emergency-03-plan-filed");

        ConsoleBrowser regulator = ConsoleBrowser.signedIn(console, "reg.banan", PASSWORD, 1280, 900);
        WebElement figures = regulator.visible("[data-testid=emergency-figures] [data-testid=em-accidents]");
        regulator.script("arguments[0].scrollIntoView({block: 'center'});", figures);
        regulator.screenshot("emergency-04-overview-figures");
        regulator.visible("[data-testid=nav-emergency]").click();
        regulator.visible("[data-testid=stats-total]");
        assertTrue(regulator.visible("[data-testid=safe-days]").getText().matches("\\d+"), "安全发展累计日 is a number");

        // The filing accepted by the district's regulator.
        tab(regulator, "plans");
        planRow(regulator, planTitle).findElement(By.cssSelector("[data-testid=plan-remark]")).sendKeys("材料齐全");
        planRow(regulator, planTitle).findElement(By.cssSelector("[data-testid=plan-accept]")).click();
        regulator.waitFor(d -> rowShows(regulator, "plan-row", planTitle, "已备案"));
        api("reg.banan").get(gateway + "/api/emergency/plans?size=100").then().statusCode(200)
                .body("items.find { it.title == '" + planTitle + "' }.filing.status", org.hamcrest.Matchers.equalTo("ACCEPTED"));

        // A large drill planned, held and evaluated.
        tab(regulator, "drills");
        String drillTitle = "界面大型演练 " + suffix;
        regulator.visible("[data-testid=em-drill-title]").sendKeys(drillTitle);
        regulator.visible("[data-testid=em-drill-large]").click();
        regulator.visible("[data-testid=drill-submit]").click();
        drillRow(regulator, drillTitle).findElement(By.cssSelector("[data-testid=drill-held]")).click();
        regulator.waitFor(d -> rowShows(regulator, "drill-row", drillTitle, "已举行"));
        drillRow(regulator, drillTitle).findElement(By.cssSelector("[data-testid=drill-summary]")).sendKeys("响应迅速");
        drillRow(regulator, drillTitle).findElement(By.cssSelector("[data-testid=drill-problem]")).sendKeys("警戒范围偏小");
        drillRow(regulator, drillTitle).findElement(By.cssSelector("[data-testid=drill-measure]")).sendKeys("按300米设置警戒");
        drillRow(regulator, drillTitle).findElement(By.cssSelector("[data-testid=drill-evaluate]")).click();
        regulator.waitFor(d -> rowShows(regulator, "drill-row", drillTitle, "已评估"));
        regulator.screenshot("emergency-05-drill-evaluated");

        // 调拨: tents from 南泉街道 to 鱼洞街道 (demo stocks).
        long nanquan = quantity("m-demo-nanquan-tents");
        long yudong = quantity("m-demo-yudong-tents");
        tab(regulator, "resources");
        new Select(regulator.visible("[data-testid=dispatch-from]")).selectByValue("m-demo-nanquan-tents");
        new Select(regulator.visible("[data-testid=dispatch-to]")).selectByValue("m-demo-yudong-tents");
        setValue(regulator, "em-dispatch-quantity", "2");
        regulator.visible("[data-testid=em-dispatch-reason]").sendKeys("鱼洞街道安置群众");
        regulator.visible("[data-testid=dispatch-submit]").click();
        regulator.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=dispatches]"), "鱼洞街道安置群众"));
        assertEquals(nanquan - 2, quantity("m-demo-nanquan-tents"));
        assertEquals(yudong + 2, quantity("m-demo-yudong-tents"));
        regulator.screenshot("emergency-06-dispatch");

        // Today's duty on the rota.
        tab(regulator, "duty");
        regulator.visible("[data-testid=em-duty-leader]").sendKeys("界面领导" + suffix);
        regulator.visible("[data-testid=em-duty-leader-phone]").sendKeys("13800000091");
        regulator.visible("[data-testid=em-duty-officer]").sendKeys("界面值班员");
        regulator.visible("[data-testid=em-duty-officer-phone]").sendKeys("13800000092");
        regulator.visible("[data-testid=duty-submit]").click();
        regulator.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=duty-today]"), "界面领导" + suffix));
        regulator.screenshot("emergency-07-duty");

        // 应急指挥一张图: the layers drawn, then the open alarms within 5 km of chem-banan-01 as the API gives them.
        tab(regulator, "map");
        regulator.visible("[data-testid=command-map] circle");
        setValue(regulator, "em-map-longitude", "106.65");
        setValue(regulator, "em-map-latitude", "29.40");
        regulator.visible("[data-testid=map-submit]").click();
        regulator.waitFor(d -> {
            List<String> near = api("reg.banan").get(gateway + "/api/emergency/map/alarms?longitude=106.65&latitude=29.40&radiusKm=5")
                    .then().statusCode(200).extract().path("features.properties.id");
            int shown = d.findElements(By.cssSelector("[data-testid=nearby-alarm]")).size();
            return shown == near.size() && (shown > 0 || !d.findElements(By.cssSelector("[data-testid=map-search] ~ div p")).isEmpty());
        });
        regulator.screenshot("emergency-08-command-map");
    }

    /** One of the emergency pages' tabs, scrolled clear of the sticky top bar first. */
    private static void tab(ConsoleBrowser browser, String name) {
        WebElement tab = browser.visible("[data-testid=em-tab-" + name + "]");
        browser.script("arguments[0].scrollIntoView({block: 'center'});", tab);
        tab.click();
    }

    private static WebElement planRow(ConsoleBrowser browser, String title) {
        return rowWith(browser, "plan-row", title);
    }

    private static WebElement drillRow(ConsoleBrowser browser, String title) {
        return rowWith(browser, "drill-row", title);
    }

    /** The table row of that kind showing {@code text}, waited for (the list is drawn anew after each action). */
    private static WebElement rowWith(ConsoleBrowser browser, String testid, String text) {
        return browser.waitFor(d -> {
            try {
                return d.findElements(By.cssSelector("[data-testid=" + testid + "]")).stream()
                        .filter(e -> e.getText().contains(text)).findFirst().orElse(null);
            } catch (StaleElementReferenceException redrawn) {
                return null;
            }
        });
    }

    /** Whether the row showing {@code title} also shows {@code text}; a row redrawn meanwhile counts as not yet. */
    private static boolean rowShows(ConsoleBrowser browser, String testid, String title, String text) {
        try {
            return browser.driver().findElements(By.cssSelector("[data-testid=" + testid + "]")).stream()
                    .map(WebElement::getText).anyMatch(row -> row.contains(title) && row.contains(text));
        } catch (StaleElementReferenceException redrawn) {
            return false;
        }
    }

    /** Date, time and number inputs take their value as the page reads it, whatever the browser's locale. */
    private static void setValue(ConsoleBrowser browser, String testid, String value) {
        browser.script("arguments[0].value = arguments[1];", browser.visible("[data-testid=" + testid + "]"), value);
    }

    private static long quantity(String material) {
        return api("reg.banan").get(gateway + "/api/emergency/materials/" + material).then().statusCode(200)
                .extract().jsonPath().getLong("quantity");
    }

    private static RequestSpecification api(String user) {
        return given().auth().oauth2(TestInfra.shared().token(user)).contentType(ContentType.JSON);
    }

    /** A minimal PDF on disk, as the plan's file input receives it. */
    private static Path pdf() throws Exception {
        Path file = Files.createDirectories(Path.of("target", "plans")).resolve("plan-" + UUID.randomUUID() + ".pdf");
        Files.writeString(file, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", StandardCharsets.US_ASCII);
        return file;
    }
}
