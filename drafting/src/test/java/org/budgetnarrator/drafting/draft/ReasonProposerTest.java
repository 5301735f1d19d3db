package org.budgetnarrator.drafting.draft;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.model.domain.LineReason;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each proposal rule, by name; proposals are suggestions, never written into a draft by themselves. */
class ReasonProposerTest {

    private final ReasonProposer proposer = new ReasonProposer(ReasonCatalogue.shipped(), StyleProfiles.load("default"));

    private static Map<String, Object> doc(List<Map<String, Object>> accounts, List<Map<String, Object>> projects) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "budget-narrator/department-year@1");
        doc.put("year", 2024);
        doc.put("stage", "FINAL_ACCOUNTS");
        doc.put("department", Map.of("code", "P", "name", "测试办公室", "level", "CITY"));
        doc.put("accounts", accounts);
        doc.put("projects", projects);
        return doc;
    }

    private static YearData data(Map<String, Object> doc) throws Exception {
        return DraftsPassTheAuditTest.of("p.json", new ObjectMapper().writeValueAsBytes(doc));
    }

    private static Map<String, Object> item(String code, String name, String actual, String initial, String adjusted, String project) {
        Map<String, Object> m = new LinkedHashMap<>(Map.of("code", code, "name", name, "actual", actual, "initialBudget", initial));
        if (adjusted != null) {
            m.put("adjustedBudget", adjusted);
        }
        if (project != null) {
            m.put("project", project);
        }
        return m;
    }

    private static List<String> rules(List<ReasonProposer.Proposal> proposals) {
        return proposals.stream().map(p -> p.subject() + " " + p.code() + " " + p.rule()).toList();
    }

    @Test
    void aPersonnelLineBelowBudgetProposesStaffMovedOut() throws Exception {
        YearData data = data(doc(List.of(item("2080505", "机关事业单位基本养老保险缴费支出", "80", "100", null, null)), List.of()));
        assertEquals(List.of("account:2080505 PERSONNEL_OUT personnel-below-budget"), rules(proposer.propose(data)));
    }

    @Test
    void aLineAboveItsInitialBudgetWithABudgetRaisedDuringTheYearProposesAnExtraAllocation() throws Exception {
        YearData data = data(doc(List.of(item("2013501", "行政运行", "130", "100", "130", "30")), List.of()));
        assertEquals(List.of("account:2013501 EXTRA_ALLOCATION above-budget-with-extra-allocation"), rules(proposer.propose(data)));
    }

    @Test
    void aProjectExecutedNearZeroProposesFundsRecalledOrPostponed() throws Exception {
        YearData data = data(doc(List.of(), List.of(Map.of("name", "外事活动经费", "adjustedBudget", "76.79", "executed", "3"))));
        assertEquals(List.of("project:外事活动经费 FUNDS_RECALLED project-execution-near-zero",
                "project:外事活动经费 ACTIVITY_POSTPONED project-execution-near-zero"), rules(proposer.propose(data)));
    }

    @Test
    void aLineWithARecordedReasonOrWithinTheThresholdGetsNoProposal() throws Exception {
        Map<String, Object> d = doc(List.of(item("2080505", "机关事业单位基本养老保险缴费支出", "80", "100", null, null),
                item("2080506", "机关事业单位职业年金缴费支出", "95", "100", null, null)), List.of());
        d.put("reasons", List.of(Map.of("subject", "account:2080505", "aspect", "BUDGET", "note", "已说明")));
        assertEquals(List.of(), proposer.propose(data(d)));
    }

    @Test
    void lastYearsReasonForTheSameLineIsOfferedAgainMarkedWithItsYear() throws Exception {
        YearData data = data(doc(List.of(item("2013501", "行政运行", "80", "100", null, "10")), List.of()));
        List<LineReason> lastYear = List.of(new LineReason(1L, 9L, 0, "account:2013501", "BUDGET", "EQUIPMENT_REUSE", null));
        YearData withHistory = new YearData(data.department(), data.year(), data.year(), data.incomes(), data.accounts(), List.of(),
                data.threePublic(), data.vehicles(), data.projects(), data.indicators(), data.reasons(), data.documents(), data.notes(),
                lastYear, data.tables(), data.budgetUnits());
        List<ReasonProposer.Proposal> proposals = proposer.propose(withHistory);
        assertEquals("account:2013501 EQUIPMENT_REUSE reuse-last-year", rules(proposals).get(0));
        assertEquals(2024, proposals.get(0).sourceYear());
    }

    @Test
    void aDraftNeverUsesAProposalByItself() throws Exception {
        YearData data = data(doc(new ArrayList<>(List.of(item("2080505", "机关事业单位基本养老保险缴费支出", "80", "100", null, null))), List.of()));
        assertTrue(!proposer.propose(data).isEmpty());
        Draft draft = DraftEngine.shipped().draft(data, SectionKind.GENERAL_BUDGET, StyleProfiles.load("default"));
        assertEquals(1, draft.missing().size());
    }
}
