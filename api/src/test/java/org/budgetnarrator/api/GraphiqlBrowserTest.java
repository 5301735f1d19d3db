package org.budgetnarrator.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.api.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GraphiQL renders in a real headless Chromium from the application's own assets. Chromium runs with
 * background networking off; the page has no external resource to fetch, so this is the offline case.
 * .ci/run installs Debian's chromium when it is missing. A screenshot is kept in target/artifacts. Its Docs panel
 * lists the schema, read by the standard introspection query, as a user opening it sees it.
 */
@MicronautTest(transactional = false)
class GraphiqlBrowserTest {

    @Inject
    EmbeddedServer server;

    private static String run(List<String> command) throws Exception {
        Path output = Files.createTempFile("chromium", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "chromium did not finish in 90 s");
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    private List<String> chromiumCommand(Path profile) {
        return new ArrayList<>(List.of(Browser.binary("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,800", "--virtual-time-budget=10000"));
    }

    @Test
    void graphiqlRendersFromTheApplicationsOwnScripts() throws Exception {
        String url = server.getURL() + "/graphiql";
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> dump = chromiumCommand(profile);
        dump.addAll(List.of("--dump-dom", url));
        String dom = run(dump);
        assertTrue(dom.contains("graphiql-container"), () -> "GraphiQL did not render; DOM was:\n" + dom.substring(0, Math.min(2000, dom.length())));
        assertTrue(dom.contains("XN-WB"), "the default query is shown");

        Path artifacts = Path.of("target", "artifacts");
        Files.createDirectories(artifacts);
        List<String> shot = chromiumCommand(Files.createTempDirectory("chromium-profile"));
        shot.addAll(List.of("--screenshot=" + artifacts.resolve("graphiql.png").toAbsolutePath(), url));
        run(shot);
        assertTrue(Files.size(artifacts.resolve("graphiql.png")) > 10_000, "a screenshot was written");
    }

    @Test
    void theDocsPanelListsQuerysFields() throws Exception {
        try (Browser browser = new Browser()) {
            browser.driver.get(server.getURL() + "/graphiql");
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label='Show Documentation Explorer']"))).click();
            WebElement query;
            try {
                query = browser.wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//section[@aria-label='Documentation Explorer']//a[contains(@class,'graphiql-doc-explorer-type-name') and text()='Query']")));
            } catch (TimeoutException e) {
                String panel = browser.driver.findElement(By.cssSelector(".graphiql-doc-explorer")).getText();
                throw new AssertionError("the Docs panel shows no root type Query; it says: " + panel, e);
            }
            query.click();
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-doc-explorer-field-name")));
            List<String> fields = browser.driver.findElements(By.cssSelector(".graphiql-doc-explorer-field-name")).stream()
                    .map(WebElement::getText).toList();
            assertTrue(fields.containsAll(List.of("department", "departments", "me", "reasonCatalogue")), fields::toString);
            String panel = browser.driver.findElement(By.cssSelector(".graphiql-doc-explorer")).getText();
            assertFalse(panel.contains("Error fetching schema"), panel);
            assertTrue(panel.contains("One department by its code"), "the fields' descriptions are shown: " + panel);

            Path artifacts = Path.of("target", "artifacts");
            Files.createDirectories(artifacts);
            Files.write(artifacts.resolve("graphiql-docs.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
        }
    }
}
