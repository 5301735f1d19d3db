package org.budgetnarrator.drafting.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.budgetnarrator.drafting.audit.ListedFindings.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tables of real published reports (Shanghai 普陀区 2024, transcribed by hand with the inconsistencies a careful
 * reading found): every inconsistency between the printed tables is found at its severity, and the table rules raise
 * nothing that the careful reading did not list.
 */
class RealReportTablesAuditTest {

    private static final Path FIXTURES = Path.of("..", "model", "src", "test", "resources", "fixtures", "reports");
    private static final Set<String> TABLE_KINDS = Set.of("TABLE_SUM", "CROSS_TABLE");
    private static final Set<String> TABLE_RULES = Set.of("T01", "T02", "T03", "T04", "T05", "T06", "T07", "T10", "T11",
            "X01", "X02", "X03", "X04", "X05", "X06", "X07", "X08");

    /** An inconsistency the careful reading listed, with the rows (TABLE/row) its cells are in. */
    private record Listed(String id, String kind, Severity severity, Set<String> rows) {

        boolean explains(Finding f) {
            return severity == f.severity() && f.subjects().stream().anyMatch(s -> rows.contains(row(s)));
        }
    }

    private static List<Listed> listed(String report) throws Exception {
        List<Listed> out = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(FIXTURES.resolve(report).resolve("expected-findings.json").toFile())) {
            Set<String> rows = new HashSet<>();
            f.path("cells").forEach(c -> {
                String[] parts = c.asText().split("/");
                if (parts.length >= 2) {
                    rows.add(parts[0] + "/" + parts[1]);
                }
            });
            String severity = f.path("severity").asText();
            out.add(new Listed(f.path("id").asText(), f.path("kind").asText(),
                    severity.equals("WORDING") ? Severity.WARNING : Severity.valueOf(severity), rows));
        }
        return out;
    }

    private static String where(Finding f) {
        return String.join(", ", f.subjects().stream().map(ListedFindings::row).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"putuo-planning-bureau-2024", "putuo-finance-bureau-2024", "putuo-social-work-dept-2024"})
    void everyListedTableInconsistencyIsFoundAndNothingElse(String report) throws Exception {
        YearData data = Demo.fromJson(report, Files.readAllBytes(FIXTURES.resolve(report).resolve("department-year.json")));
        List<Finding> table = Audit.run(data).stream().filter(f -> TABLE_RULES.contains(f.ruleId())).toList();
        List<Listed> listed = listed(report);
        List<String> missed = new ArrayList<>();
        for (Listed e : listed) {
            if (TABLE_KINDS.contains(e.kind()) && table.stream().noneMatch(e::explains)) {
                missed.add(e.id() + " " + e.rows());
            }
        }
        List<String> unexplained = new ArrayList<>();
        for (Finding f : table) {
            if (listed.stream().noneMatch(e -> e.explains(f))) {
                unexplained.add(f.severity() + " " + f.ruleId() + " " + where(f) + " " + f.messageZh());
            }
        }
        assertTrue(missed.isEmpty(), () -> "not found: " + missed + "\nfindings: " + table.stream().map(f -> f.ruleId() + " " + where(f)).toList());
        assertEquals(List.of(), unexplained, "table findings the careful reading did not list");
    }
}
