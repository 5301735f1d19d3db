package org.budgetnarrator.drafting.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.drafting.draft.Draft;
import org.budgetnarrator.drafting.draft.DraftEngine;
import org.budgetnarrator.drafting.draft.ReasonCatalogue;
import org.budgetnarrator.drafting.draft.StyleProfiles;
import org.budgetnarrator.model.imports.BoundDocument;
import org.budgetnarrator.model.imports.DocumentBinder;
import org.budgetnarrator.model.imports.DocumentValidator;
import org.budgetnarrator.model.imports.JsonDocumentReader;
import org.budgetnarrator.model.read.DocumentYearData;
import org.budgetnarrator.model.read.YearData;
import org.budgetnarrator.model.generate.Generator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SUGGEST_REASONS against a scripted local server: suggestions for the report's gaps are returned (catalogue
 * codes, or free text flagged new); a code that does not exist, a line that has no gap or a number is retried
 * once with the problem, then no model suggestion is given and the reason says why.
 */
class ReasonSuggesterTest {

    private static YearData data;
    private static Draft report;
    private StubModelServer stub;

    @BeforeAll
    static void draft() throws Exception {
        byte[] json = new ObjectMapper().writeValueAsBytes(new Generator(5).document(3, 2024));
        BoundDocument doc = new DocumentBinder().bind(new JsonDocumentReader().read("generated.json", json));
        new DocumentValidator().validate(doc);
        data = DocumentYearData.of(doc);
        report = DraftEngine.shipped().report(data, StyleProfiles.load("default"));
        assertFalse(report.missing().isEmpty(), "generated data leave reasons unknown");
    }

    @BeforeEach
    void start() throws Exception {
        stub = new StubModelServer();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private ReasonSuggester suggester() {
        return new ReasonSuggester(new ModelClient(new ModelSettings(stub.baseUrl(), "stub-model", null, Duration.ofSeconds(5), 4, 1),
                Duration.ofMillis(20)), ReasonCatalogue.shipped(), ModelDrafter.Cache.NONE);
    }

    private static String answer(String code, String subject, String aspect, String text) throws Exception {
        java.util.Map<String, Object> s = new java.util.HashMap<>();
        s.put("subject", subject);
        s.put("aspect", aspect);
        s.put("code", code);
        s.put("text", text);
        s.put("measures", "加强预算执行管理，提高预算编制的准确性");
        return new ObjectMapper().writeValueAsString(Map.of("suggestions", List.of(s)));
    }

    private static Draft.Gap gap() {
        return report.missing().get(0);
    }

    @Test
    void suggestionsForTheGapsAreReturnedWithCatalogueCodesOrFlaggedAsNew() throws Exception {
        String both = new ObjectMapper().writeValueAsString(Map.of("suggestions", List.of(
                Map.of("subject", gap().subject(), "aspect", gap().aspect(), "code", "AUSTERITY", "text", "", "measures", "继续从严控制一般性支出"),
                Map.of("subject", gap().subject(), "aspect", gap().aspect(), "text", "办公楼维修工程延期", "measures", ""))));
        stub.then(StubModelServer.Reply.message(both));
        ReasonSuggester.Result result = suggester().suggest(data, report);
        assertNull(result.fallbackReason());
        assertEquals(2, result.suggestions().size());
        ReasonSuggester.Suggestion coded = result.suggestions().get(0);
        assertEquals("AUSTERITY", coded.code());
        assertEquals(ReasonCatalogue.shipped().find("AUSTERITY").orElseThrow().phrase(), coded.text());
        assertFalse(coded.newReason());
        assertTrue(result.suggestions().get(1).newReason(), "free text is flagged as a new reason");
        assertTrue(stub.userMessages().get(0).contains("\"catalogue\""), "the catalogue is sent as data");
    }

    @Test
    void aReasonCodeThatDoesNotExistIsRetriedThenRefusedWithTheReason() throws Exception {
        String bad = answer("MADE_UP_CODE", gap().subject(), gap().aspect(), "");
        stub.then(StubModelServer.Reply.message(bad), StubModelServer.Reply.message(bad));
        ReasonSuggester.Result result = suggester().suggest(data, report);
        assertTrue(result.suggestions().isEmpty());
        assertTrue(result.fallbackReason().contains("“MADE_UP_CODE”不在原因目录中"), result.fallbackReason());
        assertTrue(stub.userMessages().get(1).contains("MADE_UP_CODE"), "the retry names the problem");
    }

    @Test
    void aReasonForALineWithoutAGapIsRefusedAndACorrectedAnswerTaken() throws Exception {
        stub.then(StubModelServer.Reply.message(answer("AUSTERITY", "account:9999999", "BUDGET", "")),
                StubModelServer.Reply.message(answer("AUSTERITY", gap().subject(), gap().aspect(), "")));
        ReasonSuggester.Result result = suggester().suggest(data, report);
        assertNull(result.fallbackReason());
        assertEquals(1, result.suggestions().size());
        assertTrue(stub.userMessages().get(1).contains("account:9999999"));
    }

    @Test
    void aSuggestionWithANumberIsRefused() throws Exception {
        String bad = answer(null, gap().subject(), gap().aspect(), "人员增加3人");
        stub.then(StubModelServer.Reply.message(bad), StubModelServer.Reply.message(bad));
        ReasonSuggester.Result result = suggester().suggest(data, report);
        assertTrue(result.suggestions().isEmpty());
        assertTrue(result.fallbackReason().contains("不得出现数字"), result.fallbackReason());
    }
}
