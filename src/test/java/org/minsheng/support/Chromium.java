package org.minsheng.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, through its chromedriver: never a browser a tool downloads. When
 * {@code MINSHENG_BROWSER_TESTS=required} (CI) a missing browser fails the test; otherwise it is skipped.
 */
public final class Chromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** A browser with its console logged, its profile in a work folder named {@code name}. */
    public static ChromeDriver start(String name) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "required".equals(System.getenv("MINSHENG_BROWSER_TESTS"))) {
            throw new IllegalStateException("Chromium and chromedriver are required at " + CHROMIUM + " and "
                    + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(present, "Debian's chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-quic", "--window-size=1280,900",
                "--user-data-dir=" + ServiceProcess.workDir(name));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }
}
