package org.budgetnarrator.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.budgetnarrator.drafting.draft.DraftVersions;
import org.budgetnarrator.drafting.draft.SectionKind;
import org.budgetnarrator.drafting.llm.StubModelServer;
import org.budgetnarrator.drafting.llm.StubModelServer.Reply;
import org.budgetnarrator.model.store.DraftVersionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every scripted model behaviour ends as it should in the stored draft version (regenerate in POLISH mode):
 * accepted, retried then accepted, or the template kept with the reason recorded.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelCasesStoredTest implements TestPropertyProvider {

    private StubModelServer stub;

    @Inject
    DraftVersions versions;
    @Inject
    io.micronaut.transaction.TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        try {
            stub = new StubModelServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("narrator.llm.base-url", stub.baseUrl(), "narrator.llm.model", "stub-model", "narrator.llm.timeout", "1s",
                "narrator.llm.retries", "1", "narrator.llm.backoff", "10ms");
    }

    @AfterAll
    void stopModel() {
        stub.close();
    }

    @BeforeEach
    void freshModel() throws Exception {
        stub.reset();
        // Each case asks the model afresh rather than finding an earlier case's accepted answer.
        tx.executeWrite(status -> {
            try (Statement s = status.getConnection().createStatement()) {
                return s.executeUpdate("DELETE FROM model_cache");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private DraftVersionStore.Version regenerate(String mode) {
        return versions.regenerate("XN-WB", 2024, SectionKind.GENERAL_BUDGET, null, true, "test", mode).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"faithful", "invented-then-corrected", "invented", "changed-percentage", "dropped-fact", "timeout",
            "server-error", "rate-limited-then-ok", "malformed"})
    void eachModelBehaviourEndsAsExpectedInTheStoredDraft(String behaviour) {
        String template = regenerate("TEMPLATE").text();
        String faithful = template.replace("主要用于", "主要用于保障");
        Matcher percent = Pattern.compile("(\\d+\\.\\d)%").matcher(template);
        assertTrue(percent.find());
        String changed = new java.math.BigDecimal(percent.group(1)).add(new java.math.BigDecimal("0.1")).toPlainString();
        String expectedText = faithful;
        String expectedReason = null;
        switch (behaviour) {
            case "faithful" -> stub.then(Reply.text(faithful));
            case "invented-then-corrected" -> stub.then(Reply.text(faithful + "另安排12.5万元。"), Reply.text(faithful));
            case "invented" -> {
                stub.always(Reply.text(faithful + "另安排12.5万元。"));
                expectedText = template;
                expectedReason = "“12.5”";
            }
            case "changed-percentage" -> {
                stub.always(Reply.text(faithful.replace(percent.group(1) + "%", changed + "%")));
                expectedText = template;
                expectedReason = "“" + changed + "”";
            }
            case "dropped-fact" -> {
                stub.always(Reply.text(faithful.substring(0, faithful.indexOf('。') + 1)));
                expectedText = template;
                expectedReason = "在答复中缺失";
            }
            case "timeout" -> {
                stub.always(Reply.text(faithful).delayed(2500));
                expectedText = template;
                expectedReason = "秒内未答复";
            }
            case "server-error" -> {
                stub.always(Reply.status(500, Map.of()));
                expectedText = template;
                expectedReason = "HTTP 500";
            }
            case "rate-limited-then-ok" -> stub.then(Reply.status(429, Map.of("Retry-After", "1")), Reply.text(faithful));
            case "malformed" -> {
                stub.always(Reply.message("以下是润色后的文字：" + faithful));
                expectedText = template;
                expectedReason = "JSON";
            }
            default -> throw new IllegalArgumentException(behaviour);
        }
        DraftVersionStore.Version stored = regenerate("POLISH");
        DraftVersionStore.Version listed = versions.versions("XN-WB", 2024, SectionKind.GENERAL_BUDGET).stream()
                .filter(v -> v.version() == stored.version()).findFirst().orElseThrow();
        assertEquals(expectedText, listed.text(), behaviour);
        assertEquals("POLISH", listed.generation().mode());
        assertEquals("polish.v1", listed.generation().promptVersion());
        if (expectedReason == null) {
            assertNull(listed.generation().fallbackReason(), behaviour);
        } else {
            String reason = listed.generation().fallbackReason();
            assertTrue(reason != null && reason.contains(expectedReason) && reason.contains("保留模板草稿"), behaviour + ": " + reason);
        }
    }
}
