package org.budgetnarrator.drafting.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The other seeds' audits, pinned. */
class OtherSeedsAuditTest {

    @Test
    void hunanSelfEvaluationAddsUp() {
        // 2912.15 + 1614.61 + 97.24 = 4624.00; 5250.21 + 212.06 = 5462.27; 8.47 + 90 = 98.47.
        assertEquals(List.of(), Audit.run(Demo.load("hunan-2024.json")));
    }

    @Test
    void shijiazhuangBudgetTargetsRaiseNothing() {
        assertEquals(List.of(), Audit.run(Demo.load("shijiazhuang-2024.json")));
    }

    @Test
    void zhanjiangKeyTasksMatchProjectSpendingWithinRounding() {
        List<Finding> findings = Audit.run(Demo.load("zhanjiang-2026.json"));
        assertEquals(1, findings.size());
        assertEquals("T18", findings.get(0).ruleId());
        assertEquals(Severity.ROUNDING, findings.get(0).severity(), "71.863 万元 of key tasks shown as 71.86");
    }

    @Test
    void aSelfEvaluationWhoseTotalDoesNotAddUpIsAnError() throws java.io.IOException {
        String json = new String(Demo.class.getResourceAsStream("/demo/hunan-2024.json").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"totalScore\": \"98.47\"", "\"totalScore\": \"99.47\"");
        List<Finding> findings = Audit.run(Demo.fromJson("hunan.json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("T19", findings.get(0).ruleId());
        assertEquals(Severity.ERROR, findings.get(0).severity());
    }
}
