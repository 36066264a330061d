package io.safetyhub.e2e.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Debian's headless Chromium driven through its chromedriver, one fresh profile per user (so no Keycloak session
 * leaks from one user to the next). The flags keep Chromium from phoning home, which on a closed network makes it
 * hang.
 *
 * <p>One signed-in browser per user serves every test of the JVM ({@link #signedIn}): starting Chromium and signing
 * in on Keycloak's page took 10-30 s per test on the 2-core CI machine, more than most tests' own steps. Each test
 * still gets a fresh page (the console reloaded, in Chinese, at the size it asks for); its tokens survive the reload
 * in the tab's sessionStorage, and a test that signed out gets the login page and is signed in again.
 */
public final class ConsoleBrowser {
    static final Path CHROMIUM = Path.of(System.getProperty("safetyhub.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("safetyhub.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** WebDriverWait's default of 500 ms put half a second on every page a test waits for. */
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Map<String, ConsoleBrowser> SIGNED_IN = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SIGNED_IN.values().forEach(ConsoleBrowser::close)));
    }

    private final Path profile;
    private final ChromeDriver driver;

    private ConsoleBrowser(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the console tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": run them through bin/safetyhub test (it installs them) or apt-get install chromium chromium-driver");
        }
        try {
            profile = Files.createTempDirectory("safetyhub-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * The user's browser, signed in on the real Keycloak login page the first time, showing the console's overview
     * freshly loaded in Chinese in a window of the given size. Not to be closed by the test: it lives as long as the
     * JVM, and a test that asks for it again gets a fresh page.
     */
    public static synchronized ConsoleBrowser signedIn(String consoleUrl, String username, String password,
            int width, int height) {
        ConsoleBrowser browser = SIGNED_IN.computeIfAbsent(username, user -> new ConsoleBrowser(width, height));
        browser.driver.manage().window().setSize(new Dimension(width, height));
        // about:blank first: from a console URL with a #fragment, a get of the bare URL might not reload the page.
        browser.park();
        browser.driver.get(consoleUrl);
        WebElement page = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#username, [data-testid=nav-overview]")));
        if ("username".equals(page.getAttribute("id"))) {
            browser.screenshot("login-" + username);
            page.sendKeys(username);
            browser.driver.findElement(By.id("password")).sendKeys(password);
            browser.driver.findElement(By.id("kc-login")).click();
            browser.visible("[data-testid=nav-overview]");
        }
        return browser;
    }

    /**
     * After each test ({@link ParkBrowsers}): every signed-in browser leaves the console for about:blank, so that no
     * idle page keeps its live alarm stream and charts busy on the CI machine's cores while other tests run.
     * Synchronized: the concurrent tests of ScenarioAlarmsIT may end together, and a WebDriver takes one caller.
     */
    static synchronized void parkAll() {
        SIGNED_IN.values().forEach(ConsoleBrowser::park);
    }

    /** Back to Chinese for the next test (the language is kept in the origin's localStorage), then about:blank. */
    private void park() {
        if (driver.getCurrentUrl().startsWith("http") && driver.findElements(By.id("nav")).size() > 0) {
            script("localStorage.removeItem('safetyhub.lang');");
        }
        driver.get("about:blank");
    }

    <T> T waitFor(Function<? super WebDriver, T> condition) {
        return waitFor(condition, WAIT);
    }

    <T> T waitFor(Function<? super WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout, POLL).until(condition);
    }

    public WebElement visible(String css) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Saves the page as {@code target/screenshots/<name>.png} and returns the file. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves the page like {@link #screenshot} and, when {@code -Dsafetyhub.screenshots.docs=true}, also as
     * {@code docs/screenshots/<name>.png} of the checkout: the committed pictures are refreshed on purpose only, never
     * by a CI run.
     */
    Path documentScreenshot(String name) {
        Path shot = screenshot(name);
        if (Boolean.getBoolean("safetyhub.screenshots.docs")) {
            try {
                Path docs = Path.of(System.getProperty("safetyhub.root", "..")).resolve("docs/screenshots");
                Files.createDirectories(docs);
                Files.copy(shot, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shot;
    }

    /** Ends the browser; the JVM's shutdown does it for every signed-in one. */
    private void close() {
        SIGNED_IN.values().remove(this);
        try {
            driver.quit();
        } finally {
            try (var paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a leftover temp profile costs only disk space
            }
        }
    }
}
