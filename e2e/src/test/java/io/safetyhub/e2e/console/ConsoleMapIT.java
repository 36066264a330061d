package io.safetyhub.e2e.console;

import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.e2e.E2ePlatform;
import io.safetyhub.e2e.DemoDevice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22 items 1, 2 and 6: ECharts (the gateway's ConsoleConfigIT checks it is served from its WebJar, no CDN),
 * Chongqing's 38 districts from the 4.1.0 map file with the district regulator's own outlined and zoomed to, the
 * overview's charts, and a device's history with its min–max band and the rule's thresholds. Screenshots of the map and of the charts go to
 * {@code docs/screenshots/} with {@code -Dsafetyhub.screenshots.docs=true}.
 */
class ConsoleMapIT {
    private static final String PASSWORD = "safetyhub";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> APPS = List.of("enterprise-service", "device-adapter", "warning-service",
            "training-service", "gateway");
    /** A demo gas alarm of chem-banan-01 that no other console test raises an alarm on. */
    private static final String DEVICE = "GA-0003";
    private static String gateway;
    private static String console;

    @BeforeAll
    static void startPlatform() {
        gateway = E2ePlatform.start(APPS).get("gateway");
        console = gateway.replace("127.0.0.1", "localhost") + "/";
    }

    @Test
    void shouldDrawChongqingWithItsOwnDistrictOutlinedAndTheChartsWhenTheDistrictRegulatorSignsIn() {
        ConsoleBrowser browser = ConsoleBrowser.signedIn(console, "reg.banan", PASSWORD, 1366, 1000);
        WebElement map = browser.visible("[data-testid=district-map][data-district=巴南区] svg");
        WebElement box = browser.visible("[data-testid=district-map]");
        assertEquals("38", box.getAttribute("data-districts"));
        assertTrue(map.findElements(By.tagName("path")).size() >= 38, "fewer district outlines than districts");
        assertTrue(map.findElements(By.xpath(".//*[local-name()='text' and text()='巴南区']")).size() == 1,
                "巴南区 is not named on the map");
        assertTrue((" " + box.getAttribute("data-enterprises") + " ").contains(" chem-banan-01 "));
        browser.documentScreenshot("console-map");

        WebElement alarms = browser.visible("[data-testid=chart-alarms] svg");
        browser.visible("[data-testid=chart-hazards] svg");
        WebElement rates = browser.visible("[data-testid=chart-rates]");
        browser.visible("[data-testid=chart-rates] svg");
        assertTrue(Integer.parseInt(rates.getAttribute("data-sectors")) >= 1, "no sector in the certificate-rate chart");
        browser.script("arguments[0].scrollIntoView({block: 'start'});", alarms);
        browser.documentScreenshot("console-charts");
    }

    @Test
    void shouldListAnEnterpriseWithoutCoordinatesUnderTheMapWhenItHasNone() {
        // A 巴南区 shop registered by the district's regulator without a position (GB 32100-2015 check character W).
        api("reg.banan").contentType("application/json").body(Map.of("id", "shop-banan-nocoord", "name", "无坐标五金店",
                        "uscc", "91500113MA60KQ2X7W", "district", "巴南区", "sectors", List.of("INDUSTRY_TRADE"),
                        "riskColour", "BLUE"))
                .post(gateway + "/api/enterprises").then().statusCode(201);
        ConsoleBrowser browser = ConsoleBrowser.signedIn(console, "reg.banan", PASSWORD, 1366, 1000);
        WebElement unplaced = browser.visible("[data-testid=unplaced] a[href='#/enterprises/shop-banan-nocoord']");
        assertEquals("无坐标五金店", unplaced.getText());
        assertFalse((" " + browser.visible("[data-testid=district-map]").getAttribute("data-enterprises") + " ")
                .contains(" shop-banan-nocoord "), "an enterprise without coordinates cannot be on the map");
    }

    @Test
    void shouldDrawTheDeviceHistoryWithItsBandAndThresholdsWhenThePlantOpensItsPage() throws Exception {
        Instant start = Instant.now().minus(2, ChronoUnit.MINUTES);
        try (DemoDevice device = DemoDevice.login(DEVICE)) {
            for (double lel : new double[] {3, 6, 4, 8, 5}) {
                assertEquals(0, device.publishGasLel(DemoDevice.telemetryTopic(DEVICE), lel));
            }
        }
        await().atMost(WAIT).untilAsserted(() -> api("ent.chem").queryParam("deviceId", DEVICE).queryParam("metric", "gas_lel")
                .queryParam("from", start.toString()).queryParam("to", Instant.now().plus(1, ChronoUnit.MINUTES).toString())
                .queryParam("step", "PT1M").get(gateway + "/api/readings").then().statusCode(200).body("points.size()", greaterThan(0)));
        ConsoleBrowser browser = ConsoleBrowser.signedIn(console, "ent.chem", PASSWORD, 1366, 1000);
        browser.driver().get(console + "#/enterprises/chem-banan-01");
        browser.visible("[data-testid=devices] [data-device=" + DEVICE + "]").click();
        WebElement chart = browser.visible("[data-testid=reading-chart]:not([data-points='0']) .echart svg");
        // GB/T 50493-2019's two gas_lel steps drawn as labelled lines: 三级 yellow and 二级 orange.
        browser.waitFor(d -> chart.findElements(By.xpath(".//*[local-name()='text' and contains(text(), 'Ⅱ级')]")).size() > 0);
        assertTrue(chart.findElements(By.xpath(".//*[local-name()='text' and contains(text(), 'Ⅲ级')]")).size() > 0);
        browser.script("arguments[0].scrollIntoView({block: 'center'});", chart);
        browser.documentScreenshot("console-device-history");
    }

    private static RequestSpecification api(String user) {
        return given().auth().oauth2(TestInfra.shared().token(user));
    }
}
