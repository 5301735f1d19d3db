package org.budgetnarrator.api;

import org.budgetnarrator.api.support.WithEchoModel;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.api.support.Browser;
import org.budgetnarrator.api.support.EchoModelServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a language model configured, the page offers 润色 and 建议原因 and shows what the guard decided: a model that
 * adds a number is refused, the template draft is kept and the page says so; asked for reasons where none is missing, it
 * says there is nothing to suggest (the stand-in model is a local
 * OpenAI-compatible server, EchoModelServer).
 */
@MicronautTest(transactional = false)
@Property(name = "narrator.jobs.background", value = "false")
class OfficerPageModelBrowserTest extends WithEchoModel {

    @Inject
    EmbeddedServer server;

    @Test
    void aPolishThatAddsANumberIsRefusedAndThePageSaysSo() throws Exception {
        model.invent = true;
        try (Browser browser = new Browser()) {
            browser.driver.get(server.getURL() + "/app");
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("officer-xn");
            browser.driver.findElement(By.id("password")).sendKeys(GraphQLClient.PASSWORD);
            browser.driver.findElement(By.id("signin-button")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "2024 年"));
            assertTrue(browser.driver.findElement(By.id("suggest")).isDisplayed(), "建议原因 is offered when a model is configured");
            browser.driver.findElement(By.id("polish")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "未通过数字校验"));
            assertTrue(browser.driver.findElement(By.id("versions")).getText().contains("模型文本未通过校验"),
                    browser.driver.findElement(By.id("versions")).getText());
            browser.shot("11-polish-refused-by-the-guard");

            // Every line of Xianning 2024 has its reason recorded: there is nothing to suggest, and the page says so.
            browser.driver.findElement(By.id("suggest")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "模型没有建议"));
            browser.shot("12-no-reason-to-suggest");
            assertEquals(List.of(), browser.consoleErrors(), "no console errors");
        }
    }
}
