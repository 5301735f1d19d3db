package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.ImportResult;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mutation.readReport: a published report read into the import format and a reading report, storing nothing. */
@MicronautTest(transactional = false)
class ReadReportApiTest {

    private static final Path SHARED = Path.of("..", "..", "shared");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    DepartmentYearImporter importer;

    private static String code(JsonNode result) {
        return result.path("errors").path(0).path("extensions").path("code").asText("");
    }

    @Test
    void aViewerReadsTheXianningTextIntoADocumentAndNothingIsStored() throws Exception {
        String text = Files.readString(SHARED.resolve("seeds").resolve("xianning-city-2024-final-accounts.txt"));
        String before = Database.snapshot(dataSource);
        JsonNode result = new GraphQLClient(http, "viewer").run("read-report", "text", text, "fileName", "xianning.txt");
        assertTrue(result.path("errors").isMissingNode(), () -> result.path("errors").toString());
        JsonNode read = result.path("data").path("readReport");
        assertEquals("xianning.txt", read.path("file").asText());
        assertEquals("FINAL_ACCOUNTS", read.path("kind").asText());
        assertEquals(2024, read.path("year").asInt());
        assertEquals("中共咸宁市委外事工作委员会办公室", read.path("departmentName").asText());
        JsonNode document = new ObjectMapper().readTree(read.path("document").asText());
        assertEquals("budget-narrator/department-year@2", document.path("format").asText());
        assertEquals("中共咸宁市委外事工作委员会办公室", document.path("department").path("name").asText());
        JsonNode reading = read.path("reading");
        assertEquals(reading.path("placedCells").size(), reading.path("placedCount").asInt());
        // The nine tables read, as bin/narrator read reads them: 175 figures placed, the one 公开09 figure that fits two
        // cells flagged with both; and the 附件's self-evaluation tables: 73 indicators' target and actual, and the 预算数
        // and 执行数 of three projects and of the department, 154 more.
        assertEquals(175 + 154, reading.path("placedCount").asInt(), reading.toString());
        assertEquals(1, reading.path("uncertainCells").size(), reading.toString());
        assertEquals(2, reading.path("uncertainCells").path(0).path("alternatives").size(), reading.toString());
        assertTrue(reading.path("notes").size() > 0, reading.toString());
        double share = reading.path("placedCount").asInt() + reading.path("uncertainCells").size() == 0 ? 0
                : 100.0 * reading.path("uncertainCells").size() / (reading.path("placedCount").asInt() + reading.path("uncertainCells").size());
        assertEquals(0, new java.math.BigDecimal(reading.path("uncertainShare").asText())
                .compareTo(java.math.BigDecimal.valueOf(share).setScale(2, java.math.RoundingMode.HALF_UP)), reading.toString());
        assertEquals(before, Database.snapshot(dataSource), "reading stores nothing");
    }

    @Test
    void theDocumentReadWithALevelPassesTheImportersCheck() throws Exception {
        String text = Files.readString(SHARED.resolve("seeds").resolve("xianning-city-2024-final-accounts.txt"));
        JsonNode read = new GraphQLClient(http, "viewer").run("read-report", "text", text, "level", "CITY").path("data").path("readReport");
        String document = read.path("document").asText();
        assertEquals("CITY", new ObjectMapper().readTree(document).path("department").path("level").asText(), read.toString());
        // Checked by the one importer, not stored: the test database is shared with the other tests.
        ImportResult checked = importer.importContent("xianning-read.json", document.getBytes(StandardCharsets.UTF_8), false);
        assertEquals(List.of(), checked.errors(), checked.problems().toString());
        assertEquals(2024, checked.year());
    }

    @Test
    void theNationalTemplatePdfIsReportedAsATemplateWithoutADocument() throws Exception {
        byte[] pdf = Files.readAllBytes(SHARED.resolve("reports").resolve("national-final-accounts-template.pdf"));
        JsonNode result = new GraphQLClient(http, "officer-hn").run("read-report", "pdfBase64", Base64.getEncoder().encodeToString(pdf),
                "fileName", "template.pdf");
        assertTrue(result.path("errors").isMissingNode(), () -> result.path("errors").toString());
        JsonNode read = result.path("data").path("readReport");
        assertEquals("TEMPLATE", read.path("kind").asText());
        assertTrue(read.path("document").isNull() && read.path("year").isNull(), read.toString());
        assertTrue(read.path("reading").path("notes").get(0).asText().contains("部门决算模板"), read.toString());
    }

    @Test
    void anEmptyReportIsBadUserInputNamingTheFile() {
        JsonNode result = new GraphQLClient(http, "viewer").run("read-report", "text", "  \n\f\n", "fileName", "空白.txt");
        assertEquals("BAD_USER_INPUT", code(result), result.toString());
        assertTrue(result.path("errors").get(0).path("message").asText().contains("空白.txt：文件中没有可读的文字"), result.toString());
        assertTrue(result.path("data").isNull() || result.path("data").path("readReport").isMissingNode(), result.toString());
    }

    @Test
    void exactlyOneOfTextAndPdfIsGivenAndThePdfMustBeOne() {
        GraphQLClient viewer = new GraphQLClient(http, "viewer");
        assertEquals("BAD_USER_INPUT", code(viewer.run("read-report")));
        assertEquals("BAD_USER_INPUT", code(viewer.run("read-report", "text", "x", "pdfBase64", "JVBERi0=")));
        assertEquals("BAD_USER_INPUT", code(viewer.run("read-report", "pdfBase64", "not base64!")));
        JsonNode notPdf = viewer.run("read-report", "pdfBase64", Base64.getEncoder().encodeToString("plain text".getBytes()));
        assertEquals("BAD_USER_INPUT", code(notPdf), notPdf.toString());
        assertTrue(notPdf.path("errors").get(0).path("message").asText().contains("不是PDF文件"), notPdf.toString());
    }

    @Test
    void anAnonymousCallerMustSignInFirst() {
        JsonNode result = new GraphQLClient(http, null).run("read-report", "text", "2024年度部门决算");
        assertEquals("UNAUTHENTICATED", code(result), result.toString());
    }

    /** POST /graphql as multipart/form-data (the GraphQL multipart request specification): operations, map, the file. */
    private JsonNode upload(String user, String fileName, byte[] content, MediaType type) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Object> operations = new java.util.LinkedHashMap<>();
        operations.put("query", GraphQLClient.operation("read-report"));
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("file", null);
        operations.put("variables", variables);
        MultipartBody body = MultipartBody.builder()
                .addPart("operations", mapper.writeValueAsString(operations))
                .addPart("map", mapper.writeValueAsString(Map.of("0", List.of("variables.file"))))
                .addPart("0", fileName, type, content)
                .build();
        MutableHttpRequest<MultipartBody> request = HttpRequest.POST("/graphql", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
        if (user != null) {
            request.bearerAuth(GraphQLClient.token(http, user));
        }
        return mapper.readTree(http.toBlocking().retrieve(request, String.class));
    }

    @Test
    void aPdfDroppedAsAFileIsReadAsItsNameSays() throws Exception {
        byte[] pdf = Files.readAllBytes(SHARED.resolve("reports").resolve("putuo-planning-bureau-2024.pdf"));
        String before = Database.snapshot(dataSource);
        JsonNode result = upload("viewer", "规划局决算.pdf", pdf, MediaType.APPLICATION_PDF_TYPE);
        assertTrue(result.path("errors").isMissingNode(), () -> result.path("errors").toString());
        JsonNode read = result.path("data").path("readReport");
        assertEquals("规划局决算.pdf", read.path("file").asText());
        assertEquals("FINAL_ACCOUNTS", read.path("kind").asText());
        assertEquals("上海市普陀区规划和自然资源局", read.path("departmentName").asText());
        // the nine tables and 十/十一's figures, as the reader the command line runs reads the file
        int placed = org.budgetnarrator.model.reading.ReportReader.standard()
                .read(org.budgetnarrator.model.reading.ReportSource.ofPdf(SHARED.resolve("reports").resolve("putuo-planning-bureau-2024.pdf")))
                .report().placedCells().size();
        assertTrue(placed > 300);
        assertEquals(placed, read.path("reading").path("placedCount").asInt());
        assertEquals(0, read.path("reading").path("uncertainCells").size());
        assertEquals(before, Database.snapshot(dataSource), "reading stores nothing");
    }

    @Test
    void aTextFileUploadedReadsAsTheTextDoes() throws Exception {
        byte[] text = Files.readAllBytes(SHARED.resolve("seeds").resolve("xianning-city-2024-final-accounts.txt"));
        JsonNode read = upload("viewer", "xianning.txt", text, MediaType.TEXT_PLAIN_TYPE).path("data").path("readReport");
        JsonNode asText = new GraphQLClient(http, "viewer").run("read-report", "text", new String(text, StandardCharsets.UTF_8),
                "fileName", "xianning.txt").path("data").path("readReport");
        assertTrue(asText.path("reading").path("placedCount").asInt() > 175, asText.toString());
        assertEquals(asText.path("reading").path("placedCount").asInt(), read.path("reading").path("placedCount").asInt());
        assertEquals(asText.path("document").asText(), read.path("document").asText());
        JsonNode other = upload("viewer", "xianning.doc", text, MediaType.APPLICATION_OCTET_STREAM_TYPE);
        assertEquals("BAD_USER_INPUT", code(other), other.toString());
        assertTrue(upload(null, "xianning.txt", text, MediaType.TEXT_PLAIN_TYPE).path("errors").path(0).path("extensions")
                .path("code").asText().equals("UNAUTHENTICATED"));
    }
}
