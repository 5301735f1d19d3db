package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.api.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The officers' page (/app) in a real headless Chromium driven by Selenium: an officer signs in, opens Xianning
 * 2024, sees the audit's finding on "下降9.4%", fills a gap with a catalogue reason and sees the section redrafted,
 * edits and saves a version, meets a conflicting save without losing the text, exports the .docx, and reads the
 * page on a phone-sized screen with no console errors. An officer of another department can neither open nor
 * change Xianning through it. Screenshots of every step are written to target/artifacts/app/.
 */
@MicronautTest(transactional = false)
@Property(name = "narrator.jobs.background", value = "false")
class OfficerPageBrowserTest {

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void browser() throws Exception {
        browser = new Browser();
        driver = browser.driver;
        wait = browser.wait;
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private void shot(String name) throws Exception {
        browser.shot(name);
    }

    private List<String> consoleErrors() {
        return browser.consoleErrors();
    }

    private void signIn(String user) {
        driver.get(server.getURL() + "/app");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(GraphQLClient.PASSWORD);
    }

    private String text(By by) {
        return driver.findElement(by).getText();
    }

    /** Clears one recorded reason of Xianning 2024 so that its report has a gap to fill; returns the gap's subject. */
    private String makeAGap() {
        GraphQLClient admin = new GraphQLClient(http);
        JsonNode reasons = admin.query("{ department(code: \"XN-WB\") { year(year: 2024) { reasons { subject aspect } } } }")
                .path("data").path("department").path("year").path("reasons");
        for (JsonNode reason : reasons) {
            admin.query("mutation($s: String!, $a: ReasonAspect!) { setReasons(departmentCode: \"XN-WB\", year: 2024, subject: $s, aspect: $a, reasons: []) { subject } }",
                    "s", reason.path("subject").asText(), "a", reason.path("aspect").asText());
            JsonNode missing = admin.query("{ department(code: \"XN-WB\") { year(year: 2024) { report { missing { subject } } } } }")
                    .path("data").path("department").path("year").path("report").path("missing");
            if (missing.size() > 0) {
                return missing.get(0).path("subject").asText();
            }
        }
        throw new AssertionError("no recorded reason of Xianning 2024 leaves a gap when cleared: " + reasons);
    }

    @Test
    void anOfficerReviewsCompletesAndExportsTheirDepartmentsDrafts() throws Exception {
        String gapSubject = makeAGap();

        // Sign in, with the keyboard reaching the button.
        signIn("officer-xn");
        shot("01-sign-in");
        driver.findElement(By.id("password")).sendKeys(Keys.TAB);
        assertEquals("signin-button", driver.switchTo().activeElement().getAttribute("id"), "the sign-in button is reached by Tab");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);

        // Xianning 2024 opens: the officer's own department, its latest year.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "2024 年"));
        assertEquals(List.of("XN-WB"), new Select(driver.findElement(By.id("department"))).getOptions().stream()
                .map(o -> o.getAttribute("value")).toList(), "an officer is offered their own department only");
        WebElement finding = driver.findElements(By.cssSelector("#tables .finding")).stream()
                .filter(f -> f.getText().replace(" ", "").contains("下降9.4%")).findFirst()
                .orElseThrow(() -> new AssertionError("no finding on 下降9.4%: " + text(By.id("tables"))));
        assertTrue(finding.getText().contains("错误") && finding.getText().contains("N03"), finding.getText());
        assertFalse(driver.findElements(By.cssSelector("#tables tr.flagged")).isEmpty(), "the lines findings concern are flagged in the tables");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", finding);
        shot("02-audit-finding-9.4");

        // Every figure of the draft says where it comes from.
        WebElement fact = driver.findElement(By.cssSelector("#draft-text .fact"));
        fact.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fact")));
        assertTrue(text(By.id("fact-body")).contains("来源：") && text(By.id("fact-body")).contains("字段："), text(By.id("fact-body")));
        shot("03-figure-source");
        driver.findElement(By.id("fact-close")).click();

        // The gap stands out and offers the catalogue's reasons; choosing one redrafts the section at once.
        String before = text(By.id("draft-text"));
        assertTrue(before.contains("【待补充"), "the opened section has the gap left for " + gapSubject + ": " + before);
        assertFalse(driver.findElements(By.cssSelector("#draft-text mark.gap")).isEmpty());
        Select reasons = new Select(driver.findElement(By.id("gap-reason-0")));
        assertTrue(reasons.getOptions().size() > 1, "catalogue reasons are offered");
        reasons.selectByIndex(1);
        driver.findElement(By.id("gap-note-0")).sendKeys("因外事活动按计划压减");
        shot("04-gap-reason-chosen");
        driver.findElement(By.id("gap-apply-0")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已记录原因"));
        String after = text(By.id("draft-text"));
        assertNotEquals(before, after, "the section was redrafted");
        assertTrue(after.contains("因外事活动按计划压减"), after);
        assertTrue(after.split("【待补充", -1).length < before.split("【待补充", -1).length, "a gap fewer");
        shot("05-section-redrafted");

        // Edit by hand and save a version.
        driver.findElement(By.id("edit")).click();
        WebElement area = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor-text")));
        area.sendKeys(Keys.END, "（经办人核对后补充。）");
        driver.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已保存为第"));
        assertTrue(text(By.id("versions")).contains("手工编辑"), text(By.id("versions")));
        shot("06-saved-version");

        // Someone else saves meanwhile: the conflict is shown and the officer's text stays in the box.
        driver.findElement(By.id("edit")).click();
        area = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor-text")));
        area.sendKeys(Keys.END, "（第二次修改。）");
        String section = driver.findElement(By.cssSelector(".sections button[aria-current='true']")).getAttribute("data-section");
        GraphQLClient admin = new GraphQLClient(http);
        JsonNode versions = admin.query("query($s: SectionKind) { department(code: \"XN-WB\") { year(year: 2024) { draftVersions(section: $s) { version } } } }",
                "s", section).path("data").path("department").path("year").path("draftVersions");
        JsonNode other = admin.query("mutation($s: SectionKind, $base: Int) { saveDraft(departmentCode: \"XN-WB\", year: 2024, section: $s, "
                + "baseVersion: $base, text: \"管理员同时保存的文字。\") { version } }", "s", section,
                "base", versions.get(versions.size() - 1).path("version").asInt());
        assertTrue(other.path("errors").isMissingNode(), other.toString());
        driver.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "他人已保存"));
        assertTrue(driver.findElement(By.id("editor-text")).getAttribute("value").endsWith("（第二次修改。）"), "nothing typed is lost");
        shot("07-conflict-shown");

        // Export the Word file.
        driver.findElement(By.id("export-docx")).click();
        Path docx = browser.downloads.resolve("XN-WB-2024.docx");
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Files.exists(docx) && docx.toFile().length() > 10_000);
        byte[] head = Files.readAllBytes(docx);
        assertTrue(head[0] == 'P' && head[1] == 'K', "a .docx (zip) file");
        Files.copy(docx, browser.artifacts().resolve("XN-WB-2024.docx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        shot("08-exported");

        // A phone-sized screen: nothing wider than the screen.
        driver.manage().window().setSize(new Dimension(390, 844));
        Thread.sleep(300);
        Number width = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
        assertTrue(width.intValue() <= 400, "no horizontal scrolling at 390 px: " + width);
        shot("09-phone-390px");

        assertEquals(List.of(), consoleErrors(), "no console errors");
    }

    @Test
    void anOfficerOfAnotherDepartmentCannotOpenOrChangeXianning() throws Exception {
        signIn("officer-hn");
        driver.findElement(By.id("signin-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "2024 年"));
        assertEquals(List.of("HN-WB"), new Select(driver.findElement(By.id("department"))).getOptions().stream()
                .map(o -> o.getAttribute("value")).toList());

        driver.get(server.getURL() + "/app/#/XN-WB/2024");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "只能打开本部门的数据"));
        assertEquals("", text(By.id("drafts")), "no Xianning draft is shown");
        assertFalse(text(By.id("tables")).contains("咸宁"), "no Xianning table is shown");
        shot("10-other-department-refused");

        // Even a change sent from the page's own session is refused by the API.
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json',
                    Authorization: 'Bearer ' + sessionStorage.getItem('narrator.token') },
                  body: JSON.stringify({ query: 'mutation { setReasons(departmentCode: "XN-WB", year: 2024, subject: "total", aspect: BUDGET, reasons: []) { subject } }' }) })
                  .then(r => r.json()).then(b => done(JSON.stringify(b)), e => done(String(e)));
                """);
        assertTrue(String.valueOf(answer).contains("PERMISSION_DENIED"), String.valueOf(answer));
        assertEquals(List.of(), consoleErrors(), "no console errors");
    }
}
