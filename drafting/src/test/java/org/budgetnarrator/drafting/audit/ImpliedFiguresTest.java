package org.budgetnarrator.drafting.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Claims checked against what the text itself implies where the tables print nothing: last year's totals bounded by
 * last year's parts (a stated change from this year's figure gives last year's), and the SME awards of a procurement
 * paragraph bounded by all procurement. Built on two real reports' tables (普陀区财政局, 区委社会工作部 2024).
 */
class ImpliedFiguresTest {

    private static final Path FIXTURES = Path.of("..", "model", "src", "test", "resources", "fixtures", "reports");

    /** A real report's tables, with or without the last-year figures it prints. */
    private static YearData report(String name, boolean lastYear) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = (ObjectNode) json.readTree(FIXTURES.resolve(name).resolve("department-year.json").toFile());
        if (!lastYear) {
            ArrayNode kept = json.createArrayNode();
            doc.withArray("publishedTables").forEach(r -> {
                if (!"PREVIOUS".equals(r.path("period").asText())) {
                    kept.add(r);
                }
            });
            doc.set("publishedTables", kept);
        }
        return Demo.fromJson(name, json.writeValueAsBytes(doc));
    }

    private static List<Finding> errors(YearData data, String text) {
        return new NarrativeChecker(data).check("draft", text).stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    @Test
    void aTotalSaidToBeFlatWhileAPartFellBelowLastYearsTotalIsAnError() throws Exception {
        List<Finding> found = errors(report("putuo-finance-bureau-2024", false),
                "财政拨款收入支出总计2961.68万元。与上年相比，财政拨款收入支出总计持平。\n"
                        + "一般公共预算财政拨款支出2940.05万元，与上年相比减少63.14万元。");
        assertEquals(1, found.size(), () -> found.stream().map(Finding::messageZh).toList().toString());
        assertEquals("W01", found.get(0).ruleId());
        assertEquals("≥ 3003.19", found.get(0).expected());
        assertEquals("持平", found.get(0).found());
    }

    @Test
    void aFlatTotalIsNotJudgedWhenItsPartsLastYearFitsUnderIt() throws Exception {
        assertEquals(List.of(), errors(report("putuo-finance-bureau-2024", false),
                "财政拨款收入支出总计2961.68万元。与上年相比，财政拨款收入支出总计持平。\n"
                        + "一般公共预算财政拨款支出2940.05万元，与上年相比减少10.00万元。"));
    }

    @Test
    void aTotalSaidToRiseAbovePartsThatWereLargerLastYearIsAnError() throws Exception {
        List<Finding> found = errors(report("putuo-finance-bureau-2024", true),
                "财政拨款收入支出总计2961.68万元，比上年增加100.00万元。");
        assertEquals(1, found.size(), () -> found.stream().map(Finding::messageZh).toList().toString());
        assertEquals("N02", found.get(0).ruleId());
        assertEquals("≥ 3003.19", found.get(0).expected());
    }

    @Test
    void smeAwardsWithinAllProcurementRaiseNothing() throws Exception {
        assertEquals(List.of(), errors(report("putuo-social-work-dept-2024", true),
                "在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额21.07万元；在面向小微企业预留政府采购项目中，"
                        + "由小微企业供应商中标或成交的，采购金额21.07万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额0万元。"));
    }

    @Test
    void smeAwardsAddingUpToMoreThanAllProcurementAreAnError() throws Exception {
        List<Finding> found = errors(report("putuo-social-work-dept-2024", true),
                "在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额21.07万元；在其他政府采购项目中，"
                        + "由中小企业供应商中标或成交的，采购金额 21.07 万元。");
        assertEquals(1, found.size(), () -> found.stream().map(Finding::messageZh).toList().toString());
        assertEquals("N10", found.get(0).ruleId());
        assertEquals("≤ 0", found.get(0).expected());
        assertEquals("21.07", found.get(0).found());
    }
}
