package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Over GraphQL a department-year's report is what its stage holds, and a section it does not hold is a typed refusal. */
@MicronautTest(transactional = false)
class StageDraftApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    private JsonNode year(String code, int year, String fields) {
        return new GraphQLClient(http).query("{ department(code: \"" + code + "\") { year(year: " + year + ") { stage " + fields + " } } }");
    }

    @Test
    void aBudgetYearsReportIsItsTargetsAndA决算SectionIsRefusedInChinese() {
        JsonNode zhanjiang = year("ZJ-WB", 2026, "report { title text missing { subject } }");
        JsonNode report = zhanjiang.path("data").path("department").path("year").path("report");
        assertEquals("BUDGET", zhanjiang.path("data").path("department").path("year").path("stage").asText());
        assertEquals("2026年度部门预算绩效目标", report.path("title").asText(), zhanjiang.toString());
        assertTrue(report.path("text").asText().contains("2026年度部门预算支出1141.23万元"), report.toString());
        assertFalse(report.path("text").asText().contains("决算"), report.toString());

        JsonNode refused = year("ZJ-WB", 2026, "draft(section: TOTALS) { text }");
        JsonNode error = refused.path("errors").get(0);
        assertEquals("SECTION_NOT_HELD", error.path("extensions").path("code").asText(), refused.toString());
        assertEquals("BUDGET", error.path("extensions").path("stage").asText());
        assertEquals("TOTALS", error.path("extensions").path("section").asText());
        assertEquals("2026年度仅有部门预算（绩效目标），无部门决算，不能起草“一、收入支出决算总体情况说明”。", error.path("message").asText());
        assertTrue(refused.path("data").path("department").path("year").isNull(), "nothing drafted: " + refused);

        JsonNode section = year("ZJ-WB", 2026, "section(section: KEY_TASKS) { title text }");
        assertTrue(section.path("data").path("department").path("year").path("section").path("text").asText()
                .startsWith("（1）2025年非税工作经费：预算18630.00元。"), section.toString());
    }

    @Test
    void aSelfEvaluationYearsReportIsItsSelfEvaluationAndFreezingPrintsTheSame() {
        JsonNode hunan = year("HN-WB", 2024, "report { title text }");
        JsonNode report = hunan.path("data").path("department").path("year").path("report");
        assertEquals("2024年度部门整体支出绩效自评情况说明", report.path("title").asText(), hunan.toString());
        String text = report.path("text").asText();
        // In Hunan's own style (thousands separators), as the department's style is configured for the demo.
        assertTrue(text.startsWith("一、偏差大或目标未完成原因分析\n2024年度预算数为5,462.27万元，执行数为4,624.00万元，执行率为84.65%。"), text);
        assertFalse(text.contains("收入支出决算总体情况"), text);

        JsonNode refused = year("HN-WB", 2024, "draft(section: INCOME) { text }");
        assertEquals("SECTION_NOT_HELD", refused.path("errors").get(0).path("extensions").path("code").asText(), refused.toString());
        assertEquals("2024年度仅有绩效自评，无部门决算，不能起草“二、收入决算情况说明”。", refused.path("errors").get(0).path("message").asText());

        JsonNode frozen = new GraphQLClient(http).query("mutation { freezeReport(departmentCode: \"HN-WB\", year: 2024) { text } }");
        assertEquals(text, frozen.path("data").path("freezeReport").path("text").asText(), frozen.toString());

        JsonNode regenerate = new GraphQLClient(http).query(
                "mutation { regenerateDraft(departmentCode: \"HN-WB\", year: 2024, section: TOTALS) { version } }");
        assertEquals("SECTION_NOT_HELD", regenerate.path("errors").get(0).path("extensions").path("code").asText(), regenerate.toString());
    }

    @Test
    void aFinalAccountsYearStillDraftsItsWholeReport() {
        JsonNode xianning = year("XN-WB", 2024, "report { title text }");
        JsonNode report = xianning.path("data").path("department").path("year").path("report");
        assertEquals("第三部分 2024年度部门决算情况说明", report.path("title").asText(), xianning.toString());
        assertTrue(report.path("text").asText().startsWith("一、收入支出决算总体情况说明\n"), report.toString());
    }
}
