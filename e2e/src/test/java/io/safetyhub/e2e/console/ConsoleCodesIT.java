package io.safetyhub.e2e.console;

import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.e2e.E2ePlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22 item 4, no raw codes on screen: signed in as each role, every page the navigation reaches (and the
 * enterprise page, its risk map and a warning's receipts) is read in Chinese and in English, charts and map
 * included (their SVG text), and no enum code may show: no UPPER_SNAKE token (PRINCIPAL_ASSESSMENT,
 * HAZARDOUS_CHEMICALS) and none of the single-word codes the services send (VALID, ACTIVE …). Acronyms that are
 * the real names of things (MQTT, OPC UA, GB) are allowed. training-service runs too, so certificates show.
 */
class ConsoleCodesIT {
    private static final String PASSWORD = "safetyhub";
    private static final List<String> APPS = List.of("enterprise-service", "device-adapter", "warning-service",
            "training-service", "enforcement-service", "gateway");
    /** UPPER_SNAKE, or a bare upper-case word of four letters or more. */
    static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\b[A-Z]{4,}\\b");
    /** Real names written in capitals: protocols and the abbreviations Chinese standards use. */
    private static final Set<String> NAMES = Set.of("MQTT", "HTTP", "OPC");
    private static final Duration PAGE_WAIT = Duration.ofSeconds(60);
    private static String gateway;
    private static String console;

    @BeforeAll
    static void startPlatform() {
        gateway = E2ePlatform.start(APPS).get("gateway");
        console = gateway.replace("127.0.0.1", "localhost") + "/";
    }

    @ParameterizedTest
    @ValueSource(strings = {"reg.banan", "ent.chem", "ops"})
    void shouldShowNoRawCodeOnAnyPageWhenEachRoleReadsEveryPageInBothLanguages(String user) {
        List<String> found = new ArrayList<>();
        Set<String> trackingCodes = trackingCodes();
        ConsoleBrowser browser = ConsoleBrowser.signedIn(console, user, PASSWORD, 1366, 900);
        for (String lang : List.of("zh", "en")) {
            if (!lang.equals(currentLang(browser))) {
                browser.visible("[data-testid=lang-toggle]").click();
                browser.waitFor(d -> lang.equals(currentLang(browser)));
            }
            for (String page : pages(browser)) {
                open(browser, page);
                String text = (String) browser.script("const v = document.getElementById('view');"
                        + "return v.innerText + '\\n' + [...v.querySelectorAll('svg text')].map(n => n.textContent).join('\\n')"
                        + " + '\\n' + document.getElementById('nav').innerText;");
                Matcher m = CODE.matcher(text);
                while (m.find()) {
                    if (!NAMES.contains(m.group()) && !trackingCodes.contains(m.group())) {
                        found.add(user + " " + lang + " " + page + ": " + m.group());
                    }
                }
            }
            browser.screenshot("codes-" + user + "-" + lang);
        }
        assertTrue(found.isEmpty(), "raw codes on screen:\n" + String.join("\n", new LinkedHashSet<>(found)));
    }

    /**
     * The random part of the reports' tracking codes ({@code JB261203-RQSMTW}: six of 2-9 and A-Z but I and O after
     * the day): data a handler reads out to the reporter, not a code to label, and about one in six is letters only,
     * which the pattern takes for one (the hyphen is a word boundary, so it matches the part, not the whole code).
     */
    private static Set<String> trackingCodes() {
        List<String> codes = given().baseUri(gateway).auth().oauth2(TestInfra.shared().token("ops"))
                .get("/api/enforcement/reports?size=100").then().statusCode(200).extract().path("items.trackingCode");
        return codes.stream().map(c -> c.substring(c.lastIndexOf('-') + 1)).collect(Collectors.toSet());
    }

    private static String currentLang(ConsoleBrowser browser) {
        return "en".equals(browser.script("return document.documentElement.lang;")) ? "en" : "zh";
    }

    /** The navigation's pages, the first warning's receipts and the first enterprise's page and risk map. */
    private static List<String> pages(ConsoleBrowser browser) {
        List<String> pages = new ArrayList<>();
        for (WebElement link : browser.driver().findElements(By.cssSelector("#nav a"))) {
            pages.add(link.getAttribute("href").replaceAll("^[^#]*", ""));
        }
        List<String> details = new ArrayList<>();
        // The first detail link of each list: ^#/warnings/{id}$, ^#/enterprises/{id}$ (an enterprise: its own, in the nav).
        for (String list : List.of("#/warnings", "#/enterprises", "#/alarms")) {
            open(browser, list);
            Object href = browser.script("const re = new RegExp('^' + arguments[0] + '/(?!verifications$)[^/]+$');"
                    + "return [...document.querySelectorAll('#view a, #nav a')].map(x => x.getAttribute('href'))"
                    + ".find(h => h && re.test(h)) || null;", list);
            if (href != null) {
                details.add((String) href);
            }
        }
        details.stream().filter(d -> d.startsWith("#/enterprises/")).findFirst().ifPresent(d -> details.add(d + "/risk"));
        pages.addAll(details);
        return pages;
    }

    /**
     * Opens a page and waits until it is painted: the previous page is marked first, so the wait ends on the new one
     * (or its error), and then until every chart has drawn or said it cannot.
     */
    private static void open(ConsoleBrowser browser, String hash) {
        browser.script("document.querySelectorAll('#view > *').forEach(n => n.dataset.stale = 'yes');"
                + "if (location.hash === arguments[0]) { window.dispatchEvent(new HashChangeEvent('hashchange')); }"
                + "else { location.hash = arguments[0]; }", hash);
        browser.waitFor(d -> Boolean.TRUE.equals(browser.script(
                "return Boolean(document.querySelector('#view > .page:not([data-stale]), #view > .error:not([data-stale])'))"
                        + " && [...document.querySelectorAll('#view .echart')].every(b => b.querySelector('svg') || b.classList.contains('empty'));")),
                PAGE_WAIT);
    }
}
