package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drafts over GraphQL: the report, facts with their places, reasons that fill gaps at once, template overrides. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DepartmentYearImporter importer;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path templates = Files.createTempDirectory("narrator-templates");
            // An officer's own wording for one section, without rebuilding.
            Files.writeString(templates.resolve("office-running-cost.ftl"),
                    "<#if !none>本部门${year}年度机关运行经费共支出${amount}万元（自定义模板）。</#if>");
            return Map.of("narrator.templates.dir", templates.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode draft(String code, int year, String section) {
        JsonNode result = new GraphQLClient(http).run("draft", "code", code, "year", year, "section", section);
        assertTrue(result.path("errors").isMissingNode(), () -> result.path("errors").toString());
        return result.path("data").path("department").path("year").path("draft");
    }

    @Test
    void xianningsReportIsInItsOwnStyleCompleteAndCorrectsThePublishedMistakes() {
        JsonNode report = new GraphQLClient(http).run("report", "code", "XN-WB", "year", 2024).path("data").path("department")
                .path("year").path("report");
        assertEquals("xianning", report.path("style").asText());
        String text = report.path("text").asText();
        assertTrue(text.contains("一般公共预算财政拨款支出减少35.98万元，下降7.7%"), "9.4% corrected");
        assertTrue(text.contains("比2023年度决算数减少31.83万元"), "31.3 corrected");
        assertEquals(0, report.path("missing").size());
        JsonNode fact = null;
        for (JsonNode f : report.path("facts")) {
            if (f.path("subject").asText().equals("account:2013501") && f.path("field").asText().equals("actual")) {
                fact = f;
            }
        }
        assertEquals("244.27", fact.path("display").asText());
        assertEquals("244.27", text.substring(fact.path("offset").asInt(), fact.path("offset").asInt() + fact.path("length").asInt()));
    }

    @Test
    void recordingAReasonFillsTheGapAtOnce() {
        Map<String, Object> doc = Documents.small("T-DRAFT", 2024);
        Documents.account(doc, 2).put("initialBudget", "150.00");
        assertTrue(importer.importContent("draft.json", Documents.json(doc)).stored());
        JsonNode proposals = new GraphQLClient(http).query("{ department(code: \"T-DRAFT\") { year(year: 2024) { proposedReasons { subject code rule } } } }")
                .path("data").path("department").path("year").path("proposedReasons");
        assertEquals("account:2013501", proposals.get(0).path("subject").asText());
        JsonNode before = draft("T-DRAFT", 2024, "GENERAL_BUDGET");
        assertEquals(1, before.path("missing").size());
        assertEquals("account:2013501", before.path("missing").get(0).path("subject").asText());
        assertTrue(before.path("text").asText().contains("【待补充：行政运行决算数小于年初预算数的主要原因】"));

        JsonNode saved = new GraphQLClient(http).run("set-reasons", "code", "T-DRAFT", "year", 2024, "subject", "account:2013501",
                "aspect", "BUDGET", "reasons", List.of(Map.of("code", "PERSONNEL_OUT"), Map.of("note", "压减了会议费"))).path("data").path("setReasons");
        assertEquals(2, saved.size());
        assertEquals("因干部人事调整，人员调出，人员经费支出相应减少", saved.get(0).path("phrase").asText());

        JsonNode after = draft("T-DRAFT", 2024, "GENERAL_BUDGET");
        assertEquals(0, after.path("missing").size());
        assertTrue(after.path("text").asText().contains("一是因干部人事调整，人员调出，人员经费支出相应减少；二是压减了会议费"), after.path("text").asText());
    }

    @Test
    void anUnknownReasonCodeOrStyleIsBadUserInput() {
        JsonNode bad = new GraphQLClient(http).run("set-reasons", "code", "XN-WB", "year", 2024, "subject", "account:2013501",
                "aspect", "BUDGET", "reasons", List.of(Map.of("code", "MADE_UP")));
        assertEquals("BAD_USER_INPUT", bad.path("errors").get(0).path("extensions").path("code").asText());
        JsonNode style = new GraphQLClient(http).run("draft", "code", "XN-WB", "year", 2024, "section", "TOTALS", "style", "nope");
        assertEquals("BAD_USER_INPUT", style.path("errors").get(0).path("extensions").path("code").asText());
    }

    @Test
    void aTemplateInTheConfiguredFolderReplacesTheShippedOne() {
        JsonNode draft = draft("XN-WB", 2024, "OFFICE_RUNNING_COST");
        assertEquals("本部门2024年度机关运行经费共支出31.93万元（自定义模板）。", draft.path("text").asText());
        assertFalse(draft(("XN-WB"), 2024, "PROCUREMENT").path("text").asText().contains("自定义"), "other sections keep theirs");
    }

    @Test
    void sentencesListTheFactsTheyUsed() {
        JsonNode sentences = draft("XN-WB", 2024, "THREE_PUBLIC").path("sentences");
        JsonNode first = null;
        for (JsonNode s : sentences) {
            if (s.path("text").asText().startsWith("2024年度“三公”经费财政拨款支出全年预算为")) {
                first = s;
            }
        }
        List<String> displays = new java.util.ArrayList<>();
        first.path("facts").forEach(f -> displays.add(f.path("subject").asText() + "/" + f.path("field").asText() + "=" + f.path("display").asText()));
        assertEquals(List.of("year/fiscalYear=2024", "threePublic:TOTAL/budget=115.9", "threePublic:TOTAL/actual=46.35",
                "threePublic:TOTAL/completion=40"), displays);
    }
}
