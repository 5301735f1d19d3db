package org.budgetnarrator.api.support;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * Debian's headless Chromium driven through its chromedriver (Selenium), downloading into a folder of its own,
 * keeping the console's messages, and writing screenshots to target/artifacts/app/.
 */
public final class Browser implements AutoCloseable {

    public final ChromeDriver driver;
    public final WebDriverWait wait;
    public final Path downloads;
    private final Path artifacts = Path.of("target", "artifacts", "app");

    /** The first of the candidate executables that is installed. */
    public static String binary(String... candidates) {
        for (String candidate : candidates) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        throw new AssertionError("not installed: " + String.join(" or ", candidates)
                + " (Debian's chromium and chromium-driver; .ci/run installs them when missing)");
    }

    public Browser() throws Exception {
        Files.createDirectories(artifacts);
        downloads = Files.createTempDirectory("downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary("/usr/bin/chromium", "/usr/bin/chromium-browser"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(binary("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"))).build();
        driver = new ChromeDriver(service, options);
        // A bound, not a speed test: on a loaded two-core machine signing in and drafting every section takes tens of seconds.
        wait = new WebDriverWait(driver, Duration.ofSeconds(90));
    }

    public void shot(String name) throws Exception {
        Files.write(artifacts.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    public Path artifacts() {
        return artifacts;
    }

    /** The console's errors since the page was opened. */
    public List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
