package org.budgetnarrator.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.budgetnarrator.api.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The officer's page in headless Chromium: an officer edits a section, writes a wrong figure (下降9.4%), saves, sees
 * the narrative check's finding at once with the text saved, sees the saved text as the section's text, and the
 * exported Word report prints the edit. Screenshots go to target/artifacts/app/.
 */
@MicronautTest(transactional = false)
@Property(name = "narrator.jobs.background", value = "false")
class SavedTextBrowserTest {

    private static final String WRONG = "2024年度一般公共预算财政拨款支出429.8万元，占本年支出合计的100%。"
            + "与2023年度相比，一般公共预算财政拨款支出减少35.98万元，下降9.4%。（经办人改写）";

    @Inject
    EmbeddedServer server;

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

    @Test
    void anOfficersSavedEditShowsItsFindingsAtOnceAndIsWhatTheWordReportPrints() throws Exception {
        driver.get(server.getURL() + "/app");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("officer-xn");
        driver.findElement(By.id("password")).sendKeys(GraphQLClient.PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "2024 年"));

        // Open 五、一般公共预算财政拨款支出决算情况说明 and replace its text with one stating a wrong rate.
        By section = By.cssSelector(".sections button[data-section='GENERAL_BUDGET']");
        // The drafts column is drawn again as sections load: click until the section is the current one.
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement button = d.findElement(section);
            if (!"true".equals(button.getAttribute("aria-current"))) {
                button.click();
            }
            return "true".equals(d.findElement(section).getAttribute("aria-current"));
        });
        String template = driver.findElement(By.id("draft-text")).getText();
        assertFalse(template.contains("9.4%"), "the template states the right figures: " + template);
        driver.findElement(By.id("edit")).click();
        WebElement area = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor-text")));
        area.clear();
        area.sendKeys(WRONG);
        browser.shot("saved-01-edited");
        driver.findElement(By.id("save")).click();

        // The finding is shown at once, and the text is saved all the same.
        WebElement findings = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("save-findings")));
        assertTrue(findings.getText().contains("9.4") && findings.getText().contains("错误"), findings.getText());
        assertTrue(findings.getText().contains("文字已保存"), findings.getText());
        assertTrue(driver.findElement(By.id("message")).getText().contains("已保存为第"), driver.findElement(By.id("message")).getText());
        assertEquals(WRONG, driver.findElement(By.id("draft-text")).getText(), "the section shows the saved text");
        assertTrue(driver.findElement(By.id("printed-note")).getText().contains("已保存的第"), "and says the report prints it");
        browser.shot("saved-02-findings-shown");

        // The exported Word report prints the edit.
        driver.findElement(By.id("export-docx")).click();
        Path docx = browser.downloads.resolve("XN-WB-2024.docx");
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Files.exists(docx) && docx.toFile().length() > 10_000);
        Thread.sleep(300);
        StringBuilder text = new StringBuilder();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(docx)))) {
            for (XWPFParagraph p : doc.getParagraphs()) {
                text.append(p.getText()).append('\n');
            }
        }
        assertTrue(text.toString().contains(WRONG), "the Word report prints the saved text");
        assertFalse(text.toString().contains(template), "not the template's text of that section");
        browser.shot("saved-03-exported");
        assertEquals(List.of(), browser.consoleErrors(), "no console errors");
    }
}
