package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk drafting over GraphQL: an administrator starts a job on the demo data, follows it, and downloads the files. */
@MicronautTest(transactional = false)
class BulkDraftApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    private static String code(JsonNode result) {
        return result.path("errors").get(0).path("extensions").path("code").asText();
    }

    private JsonNode waitForFinish(GraphQLClient admin, String id) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            JsonNode job = admin.run("draft-job", "id", id).path("data").path("draftJob");
            if (job.path("status").asText().equals("FINISHED") || System.nanoTime() > deadline) {
                return job;
            }
            Thread.sleep(200);
        }
    }

    @Test
    void anAdministratorDraftsEveryDemoDepartmentByItsStageInTheBackgroundAndDownloadsTheFiles() throws Exception {
        GraphQLClient admin = new GraphQLClient(http);
        // A budget-stage year whose declaration was stored with nothing in it: there is nothing to draft.
        String empty = "{\"format\":\"budget-narrator/department-year@2\",\"year\":2024,\"stage\":\"BUDGET\","
                + "\"department\":{\"code\":\"T-EMPTY\",\"name\":\"测试空白部门\",\"level\":\"CITY\"}}";
        JsonNode imported = admin.run("import", "document", empty).path("data").path("importDepartmentYear");
        assertTrue(imported.path("stored").asBoolean(), imported.toString());

        JsonNode started = admin.run("start-bulk-draft", "year", 2024, "format", "MARKDOWN").path("data").path("startBulkDraft");
        assertEquals("MARKDOWN", started.path("format").asText());
        assertEquals("TEMPLATE", started.path("mode").asText());
        int total = started.path("total").asInt();
        assertTrue(total >= 4, "the demo departments with 2024 data and the empty one: " + started);

        JsonNode job = waitForFinish(admin, started.path("id").asText());
        assertEquals("FINISHED", job.path("status").asText(), job.toString());
        assertEquals(total - 1, job.path("done").asInt(), job.toString());
        assertEquals(1, job.path("skipped").asInt(), job.toString());
        assertEquals(0, job.path("failed").asInt());
        assertEquals("admin", job.path("startedBy").asText());
        List<String> files = new ArrayList<>();
        Map<String, Integer> gapsByFile = new java.util.HashMap<>();
        int gaps = 0;
        for (JsonNode result : job.path("results")) {
            if (result.path("departmentCode").asText().equals("T-EMPTY")) {
                assertEquals("SKIPPED", result.path("status").asText(), result.toString());
                assertEquals("2024年度部门预算（绩效目标）未录入总体绩效目标、预算金额、重点工作任务和绩效指标，无可起草的内容。",
                        result.path("reason").asText());
                assertTrue(result.path("fileName").isNull() && result.path("error").isNull(), result.toString());
                assertEquals(0, result.path("gaps").asInt());
                continue;
            }
            assertEquals("DONE", result.path("status").asText());
            assertTrue(result.path("reason").isNull(), result.toString());
            assertEquals(1, result.path("attempts").asInt());
            assertEquals(false, result.path("unchanged").asBoolean());
            files.add(result.path("fileName").asText());
            gapsByFile.put(result.path("fileName").asText(), result.path("gaps").asInt());
            gaps += result.path("gaps").asInt();
        }
        assertEquals(job.path("gaps").asInt(), gaps);
        assertTrue(gaps > 0, "the demo drafts leave reasons to fill in: " + job);
        assertTrue(files.contains("XN-WB-2024.md") && files.contains("HN-WB-2024.md") && files.contains("438001-2024.md"), files.toString());

        HttpResponse<byte[]> zip = http.toBlocking().exchange(HttpRequest.GET(job.path("downloadPath").asText())
                .bearerAuth(GraphQLClient.token(http, "admin")), byte[].class);
        assertEquals("application/zip", zip.getContentType().orElseThrow().toString());
        assertTrue(zip.header("Content-Disposition").contains("draft-job-" + started.path("id").asText() + ".zip"));
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.add(entry.getName());
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                // Each file is the document its department-year holds, and its gaps are the markers it prints.
                switch (entry.getName()) {
                    case "XN-WB-2024.md" -> assertTrue(text.contains("2024年度部门决算") && text.contains("一、收入支出决算总体情况说明"), text);
                    case "HN-WB-2024.md" -> {
                        assertTrue(text.contains("2024年度部门整体支出绩效自评") && text.contains("偏差大或目标未完成原因分析"), text);
                        assertTrue(!text.contains("决算"), text);
                    }
                    case "438001-2024.md" -> {
                        assertTrue(text.contains("2024年度部门预算绩效目标") && text.contains("年度重点工作任务及项目绩效目标"), text);
                        assertTrue(!text.contains("决算") && !text.contains("执行数"), text);
                    }
                    default -> {
                    }
                }
                assertEquals(gapsByFile.get(entry.getName()).intValue(), text.split("【待补充：", -1).length - 1, entry.getName());
            }
        }
        assertEquals(files, entries);

        // A rerun over unchanged data drafts nothing: every file is the first job's.
        JsonNode rerun = waitForFinish(admin, admin.run("start-bulk-draft", "year", 2024, "format", "MARKDOWN")
                .path("data").path("startBulkDraft").path("id").asText());
        assertEquals(total - 1, rerun.path("done").asInt());
        assertEquals(total - 1, rerun.path("unchanged").asInt(), rerun.toString());
        assertEquals(1, rerun.path("skipped").asInt(), rerun.toString());
        JsonNode forced = waitForFinish(admin, admin.run("start-bulk-draft", "year", 2024, "format", "MARKDOWN", "force", true)
                .path("data").path("startBulkDraft").path("id").asText());
        assertEquals(0, forced.path("unchanged").asInt(), forced.toString());
        assertEquals(total - 1, forced.path("done").asInt());
        assertEquals(job.path("gaps").asInt(), forced.path("gaps").asInt(), "the same files, the same gaps");
    }

    @Test
    void onlyAnAdministratorStartsFollowsOrDownloadsJobs() {
        GraphQLClient viewer = new GraphQLClient(http, "viewer");
        assertEquals("PERMISSION_DENIED", code(viewer.run("start-bulk-draft", "year", 2024)));
        assertEquals("PERMISSION_DENIED", code(new GraphQLClient(http, "officer-xn").run("start-bulk-draft", "year", 2024)));
        assertEquals("UNAUTHENTICATED", code(new GraphQLClient(http, null).run("start-bulk-draft", "year", 2024)));
        assertEquals("PERMISSION_DENIED", code(viewer.run("draft-job", "id", "1")));

        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/drafts/jobs/1/files.zip"), byte[].class));
        assertEquals(401, anonymous.getStatus().getCode());
        HttpClientResponseException denied = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/drafts/jobs/1/files.zip").bearerAuth(GraphQLClient.token(http, "viewer")), byte[].class));
        assertEquals(403, denied.getStatus().getCode());
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/drafts/jobs/999999/files.zip").bearerAuth(GraphQLClient.token(http, "admin")), byte[].class));
        assertEquals(404, missing.getStatus().getCode());
    }

    @Test
    void aModeThatNeedsALanguageModelIsRefusedWithoutOneAndAnUnknownJobIsNull() {
        GraphQLClient admin = new GraphQLClient(http);
        JsonNode polish = admin.run("start-bulk-draft", "year", 2024, "mode", "POLISH");
        assertEquals("UNAVAILABLE", code(polish));
        assertTrue(polish.path("errors").get(0).path("message").asText().contains("narrator.llm.base-url"));
        assertTrue(admin.run("draft-job", "id", "999999").path("data").path("draftJob").isNull());
        assertEquals("BAD_USER_INPUT", code(admin.run("draft-job", "id", "seven")));
    }

    @Test
    void theFilterNarrowsTheJob() throws Exception {
        GraphQLClient admin = new GraphQLClient(http);
        JsonNode started = admin.run("start-bulk-draft", "year", 2024, "format", "JSON", "filter", Map.of("region", "咸宁"))
                .path("data").path("startBulkDraft");
        assertEquals(1, started.path("total").asInt(), started.toString());
        JsonNode job = waitForFinish(admin, started.path("id").asText());
        assertEquals("XN-WB-2024.json", job.path("results").get(0).path("fileName").asText());
    }
}
