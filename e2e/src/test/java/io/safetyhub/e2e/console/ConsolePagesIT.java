package io.safetyhub.e2e.console;

import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.e2e.E2ePlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22 items 3 and 6, the pages for what the API already offered: a regulator publishes a warning (一键发布) and
 * watches the plant's receipt come in without reloading; the operator registers, edits and binds a device; the plant
 * sets a stricter threshold and is refused a looser one; commitments, training, activities and alarm statistics
 * show the demo data. Screenshots {@code pages-*} in {@code target/screenshots}.
 */
class ConsolePagesIT {
    private static final String PASSWORD = "safetyhub";
    private static final Duration RECEIPT_WAIT = Duration.ofSeconds(60);
    private static final List<String> APPS = List.of("enterprise-service", "device-adapter", "warning-service",
            "training-service", "gateway");
    private static String gateway;
    private static String console;

    @BeforeAll
    static void startPlatform() {
        gateway = E2ePlatform.start(APPS).get("gateway");
        console = gateway.replace("127.0.0.1", "localhost") + "/";
    }

    @Test
    void shouldShowThePlantsReceiptWithoutReloadWhenTheRegulatorPublishesAWarningAndThePlantConfirms() {
        String title = "大风橙色预警 " + UUID.randomUUID().toString().substring(0, 6);
        ConsoleBrowser regulator = ConsoleBrowser.signedIn(console, "reg.banan", PASSWORD, 1366, 1000);
        regulator.visible("[data-testid=nav-warnings]").click();
        regulator.visible("[data-testid=warning-title]").sendKeys(title);
        new Select(regulator.visible("[data-testid=warning-colour]")).selectByValue("ORANGE");
        regulator.visible("[data-testid=warning-text]").sendKeys("预计今夜阵风 9 级，请停止塔吊和高处作业。");
        regulator.screenshot("pages-01-warning-form");
        regulator.visible("[data-testid=warning-submit]").click();
        WebElement receipt = regulator.visible("[data-testid=receipt-row][data-enterprise=chem-banan-01]");
        assertEquals("false", receipt.getAttribute("data-confirmed"));
        String id = regulator.driver().getCurrentUrl().replaceAll(".*#/warnings/", "");
        regulator.script("window.safetyhubPageMark = 'still-here';");
        regulator.screenshot("pages-02-warning-receipts-waiting");

        ConsoleBrowser plant = ConsoleBrowser.signedIn(console, "ent.chem", PASSWORD, 390, 844);
        plant.driver().get(console + "#/warnings/" + id);
        plant.visible("[data-testid=warning-confirm]").click();
        plant.visible("[data-testid=receipt-row][data-enterprise=chem-banan-01][data-confirmed=true]");
        plant.screenshot("pages-03-warning-confirmed-phone");

        regulator.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "[data-testid=receipt-row][data-enterprise=chem-banan-01][data-confirmed=true]")), RECEIPT_WAIT);
        assertEquals("still-here", regulator.script("return window.safetyhubPageMark;"), "the page was reloaded");
        regulator.screenshot("pages-04-warning-receipt-in");
        api("reg.banan").get(gateway + "/api/warnings/" + id).then().statusCode(200)
                .body("recipients.find { it.enterpriseId == 'chem-banan-01' }.confirmedBy", equalTo("ent.chem"));
    }

    @Test
    void shouldRegisterEditAndBindADeviceWhenTheOperatorUsesTheDevicePage() {
        String id = "GA-UI-" + UUID.randomUUID().toString().substring(0, 6);
        ConsoleBrowser browser = ConsoleBrowser.signedIn(console, "ops", PASSWORD, 1366, 1000);
        browser.visible("[data-testid=nav-devices]").click();
        browser.visible("[data-testid=device-id]").sendKeys(id);
        browser.visible("[data-testid=device-enterpriseId]").sendKeys("chem-banan-01");
        browser.visible("[data-testid=device-mqttDeviceId]").sendKeys(id);
        browser.visible("[data-testid=device-metricUnits]").sendKeys("gas_lel=%LEL");
        browser.visible("[data-testid=device-submit]").click();
        WebElement row = browser.visible("[data-testid=device-row][data-id='" + id + "']");
        assertTrue(row.getText().contains("燃气泄漏报警器"), row.getText());

        // Scrolled to the middle first: the sticky top bar covers a row at the window's top edge.
        WebElement edit = row.findElement(By.cssSelector("[data-testid=device-edit]"));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", edit);
        edit.click();
        browser.visible("[data-testid=device-hazardSourceId]").sendKeys("MHS-chem-banan-01-01");
        new Select(browser.visible("[data-testid=device-hazardGrade]")).selectByValue("2");
        browser.visible("[data-testid=device-submit]").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=device-row][data-id='" + id + "']"), "MHS-chem-banan-01-01 · 二级"));
        browser.screenshot("pages-05-devices");
        api("ops").get(gateway + "/api/devices/" + id).then().statusCode(200)
                .body("hazardSourceId", equalTo("MHS-chem-banan-01-01")).body("hazardGrade", equalTo(2))
                .body("kind", equalTo("gas-alarm"));
    }

    @Test
    void shouldRefuseALooserThresholdAndKeepAStricterOneWhenThePlantOverridesTheGasRule() {
        ConsoleBrowser browser = ConsoleBrowser.signedIn(console, "ent.chem", PASSWORD, 1366, 1000);
        browser.visible("[data-testid=nav-rules]").click();
        new Select(browser.visible("[data-testid=rule-id]")).selectByValue("default-gas-lel");
        WebElement orange = browser.visible("[data-testid=rule-step-ORANGE]");
        double standard = Double.parseDouble(orange.getAttribute("value"));

        orange.clear();
        orange.sendKeys(String.valueOf(standard + 10));
        browser.visible("[data-testid=rule-submit]").click();
        WebElement refusal = browser.visible("#toast.error");
        assertTrue(refusal.getText().contains("400") && refusal.getText().contains("steps[1].threshold"), refusal.getText());
        assertFalse(ConsoleCodesIT.CODE.matcher(refusal.getText()).find(), "a raw code in the refusal: " + refusal.getText());
        browser.screenshot("pages-06-rule-refused");
        assertFalse(browser.driver().findElements(By.cssSelector("[data-testid=rule-row][data-key^='default-gas-lel|']")).stream()
                .anyMatch(WebElement::isDisplayed), "a looser override was kept");

        orange.clear();
        orange.sendKeys(String.valueOf(standard - 5));
        browser.visible("[data-testid=rule-submit]").click();
        WebElement override = browser.visible("[data-testid=rule-row][data-key^='default-gas-lel|chem-banan-01']");
        assertTrue(override.getText().contains(String.valueOf(standard - 5).replaceAll("\\.0$", "")), override.getText());
        browser.screenshot("pages-07-rule-override");
    }

    @Test
    void shouldListTheDemoDataWhenTheDistrictRegulatorOpensCommitmentsTrainingActivitiesAndStatistics() {
        ConsoleBrowser browser = ConsoleBrowser.signedIn(console, "reg.banan", PASSWORD, 1366, 1000);
        browser.visible("[data-testid=nav-commitments]").click();
        browser.visible("[data-testid=commitments-missing]");
        browser.visible("[data-testid=commitments-today]");
        browser.screenshot("pages-08-commitments");

        browser.visible("[data-testid=nav-training]").click();
        browser.visible("[data-testid=training-records] [data-testid=training-row]");
        browser.visible("[data-testid=exam-results]");
        browser.screenshot("pages-09-training");

        browser.visible("[data-testid=nav-activities]").click();
        WebElement activity = browser.visible("[data-testid=activity-row]");
        assertTrue(activity.getText().matches("(?s).*(安全生产月|防灾减灾日|119消防宣传月|五进|安康杯|知识竞赛).*"), activity.getText());
        browser.screenshot("pages-10-activities");

        browser.visible("[data-testid=nav-stats]").click();
        browser.visible("[data-testid=stats-open]");
        browser.visible("[data-testid=stats-level]");
        browser.visible("[data-testid=chart-alarms] svg");
        browser.screenshot("pages-11-alarm-statistics");
    }

    private static RequestSpecification api(String user) {
        return given().auth().oauth2(TestInfra.shared().token(user));
    }
}
