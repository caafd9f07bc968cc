package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.parley.examples.DemoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo and Debian's headless Chromium, started once for a test class and stopped after it; register it
 * with {@code @RegisterExtension static final DemoInChromium SITE = new DemoInChromium();}. It runs before the
 * class's {@code @BeforeAll} methods and stops after its {@code @AfterAll} methods.
 *
 * <p>Chromium runs through its chromedriver with no network lookups: the driver path is set explicitly so
 * Selenium Manager never runs, and the browser's background services are off. A missing browser fails the
 * class with the command that installs it; it never skips. Screenshots go to {@code target/browser-test/}.
 *
 * <p>Not thread-safe: one test class drives one browser, one step at a time.
 */
final class DemoInChromium implements BeforeAllCallback, AfterAllCallback {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "browser-test");

    private final DemoPerClass demo;
    private @Nullable ChromeDriver browser;

    /** The demo as {@link RunningDemo#start()} builds it. */
    DemoInChromium() {
        this(UnaryOperator.identity());
    }

    /** The demo with the builder changed by {@code customizer} (a mailer, say). */
    DemoInChromium(UnaryOperator<DemoServer.Builder> customizer) {
        this.demo = new DemoPerClass(customizer);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        demo.beforeAll(context);
        browser = startChromium(Files.createTempDirectory("parley-chromium-profile"));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            demo.afterAll(context);
        }
    }

    RunningDemo demo() {
        return demo.demo();
    }

    ChromeDriver browser() {
        if (browser == null) {
            throw new IllegalStateException("Chromium is not running");
        }
        return browser;
    }

    /** Whether Chromium started, so an {@code @AfterAll} step may still use it. */
    boolean running() {
        return browser != null;
    }

    /** Sets the window's layout width, as a phone (touch, meta viewport honoured) below 600 px. */
    void width(int pixels) {
        browser().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", pixels, "height",
                pixels < 600 ? 844 : 900, "deviceScaleFactor", 1, "mobile", pixels < 600));
    }

    /** Where a screenshot of this name goes, the directory created. */
    static Path screenshotFile(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        return SCREENSHOTS.resolve(name);
    }

    /** Saves what the window shows as a PNG. */
    void screenshot(String name) throws IOException {
        Files.copy(browser().getScreenshotAs(OutputType.FILE).toPath(), screenshotFile(name),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Fills and submits a comment form, then returns the id of the comment the redirect landed on. */
    String submit(WebElement form, String name, String text) {
        form.findElement(By.name("name")).sendKeys(name);
        form.findElement(By.name("text")).sendKeys(text);
        clickAndWaitForNextPage(form.findElement(By.cssSelector("button[type=submit]")), form);
        String url = browser().getCurrentUrl();
        assertThat(url).as("redirected to the new comment's fragment").contains("#c-");
        return url.substring(url.indexOf("#c-") + 3);
    }

    /** Clicks something that submits or navigates, and waits until the page it is on now is replaced. */
    void clickAndWaitForNextPage(WebElement clickable) {
        clickAndWaitForNextPage(clickable, browser().findElement(By.tagName("html")));
    }

    /**
     * Clicks something that submits or navigates, and waits until the page it was on is replaced: a click
     * returns before the POST, redirect and GET are done. The timeout is only a safety net.
     */
    void clickAndWaitForNextPage(WebElement clickable, WebElement onOldPage) {
        clickable.click();
        new WebDriverWait(browser(), Duration.ofSeconds(20)).until(driver -> isGone(onOldPage));
    }

    /**
     * Whether the element's page has been replaced. Chrome reports it as a stale element, or, when the check
     * lands while the next page is being swapped in, as an inspector error saying the node no longer belongs
     * to the document: both mean gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private static ChromeDriver startChromium(Path profileDir) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "). Run scripts/test.sh, which installs them through scripts/setup.d/20-chromium.sh.");
        }
        // Set before the service is built: with an explicit driver, Selenium Manager is never consulted.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-extensions", "--disable-default-apps", "--window-size=1200,1600",
                "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
