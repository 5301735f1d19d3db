package org.budgetnarrator.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's downloads: the 情况说明 as Word and the self-evaluation tables as a workbook, under GraphQL's reading rules. */
@MicronautTest(transactional = false)
@Property(name = "narrator.jobs.background", value = "false")
class ReportDownloadsTest {

    @Inject
    @Client("/")
    HttpClient http;

    private HttpResponse<byte[]> get(String path, String user) {
        var request = HttpRequest.GET(path);
        if (user != null) {
            request.bearerAuth(GraphQLClient.token(http, user));
        }
        return http.toBlocking().exchange(request, byte[].class);
    }

    @Test
    void theDepartmentsOfficerDownloadsTheWordReport() {
        HttpResponse<byte[]> response = get("/departments/XN-WB/2024/report.docx", "officer-xn");
        assertEquals(200, response.code());
        byte[] body = response.body();
        assertTrue(body.length > 10_000 && body[0] == 'P' && body[1] == 'K', "a .docx");
        assertTrue(response.header("Content-Disposition").contains("XN-WB-2024.docx"), response.header("Content-Disposition"));
    }

    @Test
    void theDraftedReportIsWorkingDataThatOtherReadersCannotDownload() {
        for (String reader : List.of("viewer", "officer-hn")) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                    () -> get("/departments/XN-WB/2024/report.docx", reader));
            assertEquals(403, refused.getStatus().getCode(), reader);
        }
        assertEquals(200, get("/departments/XN-WB/2024/report.docx", "admin").code());
        assertEquals(200, get("/departments/HN-WB/2024/self-evaluation.xlsx", "viewer").code(), "published tables stay readable");
    }

    @Test
    void theSelfEvaluationWorkbookHoldsEveryIndicatorWithTheSuggestedScore() throws Exception {
        byte[] body = get("/departments/HN-WB/2024/self-evaluation.xlsx", "officer-hn").body();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = book.getSheet("部门整体绩效自评表");
            List<String> names = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() >= 3 && row.getCell(2) != null && !row.getCell(2).getStringCellValue().isBlank()) {
                    names.add(row.getCell(2).getStringCellValue());
                }
            }
            assertEquals(24, names.size(), "Hunan's 24 scored indicators: " + names);
            assertEquals("预算执行率", sheet.getRow(2).getCell(0).getStringCellValue());
            assertEquals("三级指标", sheet.getRow(1).getCell(2).getStringCellValue());
            assertEquals("建议得分", sheet.getRow(1).getCell(7).getStringCellValue());
            String title = sheet.getRow(0).getCell(0).getStringCellValue();
            assertTrue(title.startsWith("中共湖南省委外事工作委员会办公室 2024年度部门整体支出绩效自评表"), title);
        }
    }

    @Test
    void theWorkbooksRatesAreTheRatesGraphQLServes() throws Exception {
        JsonNode year = new GraphQLClient(http).query("{ department(code: \"XN-WB\") { year(year: 2024) { summary { executionRate } "
                + "evaluation { budgetExecutionRate } projects(first: 100) { nodes { name executionRate } } } } }")
                .path("data").path("department").path("year");
        assertEquals("77.94", year.path("summary").path("executionRate").asText(), "429.80 ÷ 551.47");
        assertEquals("77.94", year.path("evaluation").path("budgetExecutionRate").asText());
        Map<String, String> served = new HashMap<>();
        year.path("projects").path("nodes").forEach(p -> served.put(p.path("name").asText(), p.path("executionRate").asText()));
        byte[] body = get("/departments/XN-WB/2024/self-evaluation.xlsx", "officer-xn").body();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = book.getSheet("部门整体绩效自评表");
            assertEquals("执行率 77.94%", sheet.getRow(2).getCell(8).getStringCellValue());
            int projects = 0;
            for (int i = 1; i < book.getNumberOfSheets(); i++) {
                Sheet ps = book.getSheetAt(i);
                String name = ps.getRow(0).getCell(0).getStringCellValue().replace(" 项目支出绩效自评表", "");
                assertTrue(served.containsKey(name), name + " in " + served.keySet());
                String rate = served.get(name).isEmpty() || "null".equals(served.get(name)) ? "" : "执行率 " + served.get(name) + "%";
                assertEquals(rate, ps.getRow(2).getCell(8).getStringCellValue(), name);
                projects++;
            }
            assertTrue(projects >= 1, "Xianning's projects with indicators have their own sheets");
        }
    }

    @Test
    void theWorkbookPrintsOnA4LandscapeOnePageWideWithBordersAndAMergedTitle() throws Exception {
        byte[] body = get("/departments/HN-WB/2024/self-evaluation.xlsx", "officer-hn").body();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = book.getSheet("部门整体绩效自评表");
            assertEquals(PrintSetup.A4_PAPERSIZE, sheet.getPrintSetup().getPaperSize());
            assertTrue(sheet.getPrintSetup().getLandscape());
            assertTrue(sheet.getFitToPage());
            assertEquals(1, sheet.getPrintSetup().getFitWidth());
            assertEquals(0, sheet.getPrintSetup().getFitHeight(), "as many pages tall as needed");
            assertEquals("部门整体绩效自评表!$A$1:$J$" + (sheet.getLastRowNum() + 1), book.getPrintArea(0));
            assertTrue(sheet.getMergedRegions().stream().anyMatch(m -> m.getFirstRow() == 0 && m.getLastRow() == 0
                    && m.getFirstColumn() == 0 && m.getLastColumn() == 9), "the title spans A:J");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var style = sheet.getRow(r).getCell(9).getCellStyle();
                assertEquals(BorderStyle.THIN, style.getBorderRight(), "row " + r);
                assertEquals(BorderStyle.THIN, style.getBorderBottom(), "row " + r);
            }
        }
    }

    @Test
    void anonymousReadersAndUnknownYearsAreRefusedWithAReason() {
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> get("/departments/XN-WB/2024/report.docx", null));
        assertEquals(401, anonymous.getStatus().getCode());
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                () -> get("/departments/XN-WB/1999/self-evaluation.xlsx", "viewer"));
        assertEquals(404, missing.getStatus().getCode());
        assertTrue(missing.getResponse().getBody(String.class).orElse("").contains("no department-year XN-WB 1999"));
    }
}
