package org.budgetnarrator.model.imports;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading and checking a document without a database. */
class DocumentBinderTest {

    private static BoundDocument check(String json) {
        RawDocument raw = new JsonDocumentReader().read("t.json", json.getBytes(StandardCharsets.UTF_8));
        BoundDocument doc = new DocumentBinder().bind(raw);
        new DocumentValidator().validate(doc);
        return doc;
    }

    private static final String HEAD = "{\"format\":\"budget-narrator/department-year@1\",\"year\":2026,\"stage\":\"BUDGET\","
            + "\"department\":{\"code\":\"T\",\"name\":\"测试\",\"level\":\"市级\"}";

    @Test
    void yuanAreConvertedToTenThousandYuanExactly() {
        BoundDocument doc = check(HEAD + ",\"projects\":[{\"name\":\"任务\",\"moneyUnit\":\"元\",\"initialBudget\":\"18630.00\"},"
                + "{\"name\":\"任务二\",\"initialBudget\":0.1}]}");
        assertFalse(doc.hasErrors(), doc.problems().toString());
        List<BoundRow> projects = doc.rows(ImportFormat.PROJECTS);
        assertEquals(new BigDecimal("1.863000"), projects.get(0).decimal("initialBudget"));
        assertEquals(new BigDecimal("0.1"), projects.get(1).decimal("initialBudget"), "JSON numbers are read exactly, not as doubles");
    }

    @Test
    void chineseNamesOfChoicesAreAccepted() {
        BoundDocument doc = check(HEAD + ",\"incomes\":[{\"source\":\"一般公共预算财政拨款收入\",\"amount\":\"1\"}]}");
        assertFalse(doc.hasErrors(), doc.problems().toString());
        assertEquals("CITY", doc.single(ImportFormat.DEPARTMENT).text("level"));
        assertEquals("general_public_budget_appropriation", doc.rows(ImportFormat.INCOMES).get(0).text("source"));
    }

    @Test
    void aCodeTheCatalogueLacksIsAWarningWhenItsShapeFits() {
        BoundDocument doc = check(HEAD + ",\"accounts\":[{\"code\":\"2013599\",\"name\":\"其他对外联络事务支出\",\"actual\":\"1\"}]}");
        assertFalse(doc.hasErrors(), doc.problems().toString());
        assertTrue(doc.problems().stream().anyMatch(p -> !p.isError() && "2013599".equals(p.value())));
        // Its 款 and 类, known to the catalogue, are derived.
        assertEquals(3, doc.rows(ImportFormat.ACCOUNTS).size());
    }

    @Test
    void problemMessagesSayWhereAndWhat() {
        BoundDocument doc = check(HEAD + ",\"threePublic\":[{\"item\":\"LUNCH\",\"actual\":\"1\"}]}");
        assertEquals(1, doc.problems().size());
        String message = doc.problems().get(0).message();
        assertTrue(message.startsWith("error: t.json, $.threePublic[0].item: item (项目): found \"LUNCH\", expected one of TOTAL"), message);
    }

    @Test
    void aMissingDepartmentIsOneClearError() {
        BoundDocument doc = check("{\"format\":\"budget-narrator/department-year@1\",\"year\":2024,\"stage\":\"BUDGET\"}");
        assertEquals(1, doc.problems().size(), doc.problems().toString());
        assertTrue(doc.problems().get(0).message().contains("$.department"));
    }

    @Test
    void percentagesMayCarryTheirSign() {
        BoundDocument doc = check(HEAD + ",\"projects\":[{\"name\":\"p\",\"planJune\":\"60%\"}]}");
        assertFalse(doc.hasErrors(), doc.problems().toString());
        assertEquals(new BigDecimal("60"), doc.rows(ImportFormat.PROJECTS).get(0).decimal("planJune"));
    }
}
