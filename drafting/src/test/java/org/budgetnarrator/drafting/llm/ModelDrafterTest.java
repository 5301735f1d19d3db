package org.budgetnarrator.drafting.llm;

import org.budgetnarrator.drafting.draft.Draft;
import org.budgetnarrator.drafting.draft.DraftEngine;
import org.budgetnarrator.drafting.draft.SectionKind;
import org.budgetnarrator.drafting.draft.StyleProfiles;
import org.budgetnarrator.model.imports.BoundDocument;
import org.budgetnarrator.model.imports.DocumentBinder;
import org.budgetnarrator.model.imports.DocumentValidator;
import org.budgetnarrator.model.imports.JsonDocumentReader;
import org.budgetnarrator.model.read.DocumentYearData;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POLISH against a scripted OpenAI-compatible server on 127.0.0.1: a faithful answer is taken; an invented
 * number, a changed percentage, a dropped figure or a malformed answer is retried once with what was wrong,
 * then the template draft is kept with the reason; timeouts, 500s and 429s are retried with backoff.
 */
class ModelDrafterTest {

    private static YearData data;
    private static Draft template;
    private StubModelServer stub;

    @BeforeAll
    static void draft() throws Exception {
        byte[] json = ModelDrafterTest.class.getResourceAsStream("/demo/xianning-2024.json").readAllBytes();
        BoundDocument doc = new DocumentBinder().bind(new JsonDocumentReader().read("xianning-2024.json", json));
        new DocumentValidator().validate(doc);
        data = DocumentYearData.of(doc);
        template = DraftEngine.shipped().draft(data, SectionKind.GENERAL_BUDGET, StyleProfiles.load("xianning"));
    }

    @BeforeEach
    void start() throws Exception {
        stub = new StubModelServer();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private ModelDrafter drafter(Duration timeout, int retries) {
        return new ModelDrafter(new ModelClient(new ModelSettings(stub.baseUrl(), "stub-model", null, timeout, 16, retries), Duration.ofMillis(50)),
                ModelDrafter.Cache.NONE);
    }

    private ModelDrafter drafter() {
        return drafter(Duration.ofSeconds(5), 2);
    }

    /** The draft reworded without touching a number: what a faithful polish looks like. */
    private static String faithful() {
        assertTrue(template.text().contains("主要用于"), template.text());
        return template.text().replace("主要用于", "主要用于保障");
    }

    private static String firstPercent() {
        Matcher m = Pattern.compile("(\\d+\\.\\d)%").matcher(template.text());
        assertTrue(m.find(), template.text());
        return m.group(1);
    }

    @Test
    void aFaithfulPolishIsTaken() {
        stub.then(StubModelServer.Reply.text(faithful()));
        ModelDrafter.Result result = drafter().polish(data, template);
        assertTrue(result.fromModel(), () -> result.fallbackReason());
        assertEquals(faithful(), result.text());
        assertNull(result.fallbackReason());
        assertEquals("polish.v1", result.promptVersion());
        assertEquals(1, result.modelCalls());
        assertTrue(stub.userMessages().get(0).contains("\"printed\""), "the facts go to the model as structured data");
    }

    @Test
    void anInventedNumberIsRetriedWithTheProblemThenTheCorrectedAnswerIsTaken() {
        stub.then(StubModelServer.Reply.text(faithful() + "另安排专项资金12.5万元。"), StubModelServer.Reply.text(faithful()));
        ModelDrafter.Result result = drafter().polish(data, template);
        assertTrue(result.fromModel(), () -> result.fallbackReason());
        assertEquals(2, result.answers());
        assertTrue(stub.userMessages().get(1).contains("草稿中没有的数字“12.5”"), "the retry says exactly what was wrong");
    }

    @Test
    void anInventedNumberTwiceFallsBackToTheTemplateWithTheReason() {
        stub.then(StubModelServer.Reply.text(faithful() + "另安排专项资金12.5万元。"), StubModelServer.Reply.text(faithful() + "另安排专项资金12.5万元。"));
        ModelDrafter.Result result = drafter().polish(data, template);
        assertFalse(result.fromModel());
        assertEquals(template.text(), result.text());
        assertTrue(result.fallbackReason().contains("12.5"), result.fallbackReason());
    }

    @Test
    void aChangedPercentageFallsBack() {
        String percent = firstPercent();
        String changed = new java.math.BigDecimal(percent).add(new java.math.BigDecimal("0.1")).toPlainString();
        String answer = faithful().replace(percent + "%", changed + "%");
        stub.then(StubModelServer.Reply.text(answer), StubModelServer.Reply.text(answer));
        ModelDrafter.Result result = drafter().polish(data, template);
        assertFalse(result.fromModel());
        assertTrue(result.fallbackReason().contains("“" + changed + "”") && result.fallbackReason().contains("“" + percent + "”在答复中缺失"),
                result.fallbackReason());
    }

    @Test
    void anAddedReasonFallsBackForReasonsAreTheOfficersToGive() {
        String answer = faithful() + "支出增加的主要原因是业务量增长。";
        stub.then(StubModelServer.Reply.text(answer), StubModelServer.Reply.text(answer));
        ModelDrafter.Result result = drafter().polish(data, template);
        assertFalse(result.fromModel());
        assertTrue(result.fallbackReason().contains("新增了草稿中没有的原因表述"), result.fallbackReason());
    }

    @Test
    void aDroppedFigureFallsBack() {
        String firstSentence = template.text().substring(0, template.text().indexOf('。') + 1);
        stub.then(StubModelServer.Reply.text(firstSentence), StubModelServer.Reply.text(firstSentence));
        ModelDrafter.Result result = drafter().polish(data, template);
        assertFalse(result.fromModel());
        assertTrue(result.fallbackReason().contains("在答复中缺失"), result.fallbackReason());
    }

    @Test
    void aMalformedAnswerIsRetriedThenFallsBack() {
        stub.then(StubModelServer.Reply.message("好的，以下是润色后的文字：……"), StubModelServer.Reply.message("{\"txt\": 1"));
        ModelDrafter.Result result = drafter().polish(data, template);
        assertFalse(result.fromModel());
        assertTrue(result.fallbackReason().contains("JSON"), result.fallbackReason());
        assertEquals(2, result.answers());
    }

    @Test
    void aTimeoutIsRetriedThenFallsBack() {
        stub.always(StubModelServer.Reply.text(faithful()).delayed(1500));
        ModelDrafter.Result result = drafter(Duration.ofMillis(500), 1).polish(data, template);
        assertFalse(result.fromModel());
        assertTrue(result.fallbackReason().contains("秒内未答复") && result.fallbackReason().contains("已尝试2次"), result.fallbackReason());
        assertEquals(2, result.modelCalls());
    }

    @Test
    void serverErrorsAreRetriedThenFallBack() {
        stub.always(StubModelServer.Reply.status(500, Map.of()));
        ModelDrafter.Result result = drafter().polish(data, template);
        assertFalse(result.fromModel());
        assertTrue(result.fallbackReason().contains("HTTP 500") && result.fallbackReason().contains("已尝试3次"), result.fallbackReason());
        assertEquals(3, result.modelCalls());
    }

    @Test
    void aRateLimitIsWaitedOutAsTheServerAsksThenTheAnswerIsTaken() {
        stub.then(StubModelServer.Reply.status(429, Map.of("Retry-After", "1")), StubModelServer.Reply.text(faithful()));
        long start = System.nanoTime();
        ModelDrafter.Result result = drafter().polish(data, template);
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertTrue(result.fromModel(), () -> result.fallbackReason());
        assertEquals(2, result.modelCalls());
        assertTrue(waited >= 1000, "Retry-After: 1 obeyed, waited " + waited + " ms");
    }

    @Test
    void anAcceptedAnswerIsCachedSoTheSameFactsCallNoModelAgain() {
        Map<String, String> kept = new java.util.concurrent.ConcurrentHashMap<>();
        ModelDrafter.Cache cache = new ModelDrafter.Cache() {
            @Override
            public java.util.Optional<String> get(String key) {
                return java.util.Optional.ofNullable(kept.get(key));
            }

            @Override
            public void put(String key, String promptVersion, String model, String answer) {
                kept.put(key, answer);
            }
        };
        ModelClient client = new ModelClient(new ModelSettings(stub.baseUrl(), "stub-model", null, Duration.ofSeconds(5), 16, 2), Duration.ofMillis(50));
        stub.then(StubModelServer.Reply.text(faithful()));
        assertTrue(new ModelDrafter(client, cache).polish(data, template).fromModel());
        ModelDrafter.Result again = new ModelDrafter(client, cache).polish(data, template);
        assertTrue(again.fromModel());
        assertEquals(faithful(), again.text());
        assertEquals(0, again.modelCalls(), "the same prompt, model and facts: answered from the cache");
        assertEquals(1, stub.requests.size());
        ModelClient otherModel = new ModelClient(new ModelSettings(stub.baseUrl(), "other-model", null, Duration.ofSeconds(5), 16, 2), Duration.ofMillis(50));
        stub.then(StubModelServer.Reply.text(faithful()));
        assertEquals(1, new ModelDrafter(otherModel, cache).polish(data, template).modelCalls(), "another model is asked afresh");
    }

    @Test
    void anEmptySectionAsksNoModel() {
        Draft empty = new Draft(SectionKind.ASSETS, SectionKind.ASSETS.title(), "", java.util.List.of(), java.util.List.of(), java.util.List.of(), "default");
        ModelDrafter.Result result = drafter().polish(data, empty);
        assertEquals("", result.text());
        assertNull(result.fallbackReason());
        assertEquals(0, result.modelCalls());
        assertEquals(0, stub.requests.size());
    }

    @Test
    void withoutAConfiguredModelTheTemplateIsKeptAndTheMissingSettingNamed() {
        ModelDrafter unconfigured = new ModelDrafter(new ModelClient(new ModelSettings(null, null, null, Duration.ofSeconds(1), 1, 0), Duration.ZERO),
                ModelDrafter.Cache.NONE);
        ModelDrafter.Result result = unconfigured.polish(data, template);
        assertFalse(result.fromModel());
        assertEquals(template.text(), result.text());
        assertTrue(result.fallbackReason().contains("narrator.llm.base-url"), result.fallbackReason());
        assertEquals(0, result.modelCalls());
    }
}
