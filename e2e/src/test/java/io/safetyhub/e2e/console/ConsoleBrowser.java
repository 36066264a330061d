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
import java.util.function.Function;

/**
 * Debian's headless Chromium driven through its chromedriver, one fresh profile per instance (so no
 * Keycloak session leaks from one login to the next). The flags keep Chromium from phoning home, which
 * on a closed network makes it hang.
 */
public final class ConsoleBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("safetyhub.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("safetyhub.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Path profile;
    private final ChromeDriver driver;

    public ConsoleBrowser(int width, int height) {
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

    /** Opens the console and signs in on the real Keycloak login page it redirects to. */
    public void login(String consoleUrl, String username, String password) {
        driver.get(consoleUrl);
        WebElement user = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        screenshot("login-" + username);
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=nav-overview]")));
    }

    <T> T waitFor(Function<? super WebDriver, T> condition) {
        return waitFor(condition, WAIT);
    }

    <T> T waitFor(Function<? super WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(condition);
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

    @Override
    public void close() {
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
