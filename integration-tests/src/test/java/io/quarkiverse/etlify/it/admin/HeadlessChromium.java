package io.quarkiverse.etlify.it.admin;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} driven through its {@code /usr/bin/chromedriver}: nothing is downloaded. Without them
 * the browser tests are skipped, unless {@code ETLIFY_REQUIRE_BROWSER} is set (as {@code .ci/run} does, after
 * installing them), where their absence fails the test. Chromedriver gives each browser a fresh temporary profile.
 */
final class HeadlessChromium {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final String REQUIRE_BROWSER = "ETLIFY_REQUIRE_BROWSER";

    /** Kept referenced so its level holds: the tests use no DevTools, whose version Selenium warns it lacks. */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private HeadlessChromium() {
    }

    static ChromeDriver start() {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        boolean installed = Files.isExecutable(CHROMIUM.toPath()) && Files.isExecutable(CHROMEDRIVER.toPath());
        if (!installed) {
            String missing = "the console's browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            String required = System.getenv(REQUIRE_BROWSER);
            if (required == null || required.isBlank()) {
                Assumptions.abort(missing + "; skipped because " + REQUIRE_BROWSER + " is not set");
            }
            throw new IllegalStateException(missing + "; " + REQUIRE_BROWSER + " is set, so it may not be skipped");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().withLogOutput(java.io.OutputStream.nullOutputStream()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1400,1000");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
