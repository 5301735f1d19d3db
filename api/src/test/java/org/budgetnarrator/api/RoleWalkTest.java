package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every mutation with every role — anonymous, viewer, Xianning's officer, another department's officer,
 * admin — against Xianning's data: refused where due (UNAUTHENTICATED or PERMISSION_DENIED) with nothing
 * changed, and let through where allowed.
 */
@MicronautTest(transactional = false)
class RoleWalkTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    private static final List<String> ROLES = Arrays.asList(null, "viewer", "officer-hn", "officer-xn", "admin");

    private static Map<String, String> mutations() {
        String document = new String(Documents.json(Documents.demo("xianning-2024.json"))).replace("\\", "\\\\").replace("\"", "\\\"");
        Map<String, String> m = new LinkedHashMap<>();
        m.put("importDepartmentYear", "mutation { importDepartmentYear(document: \"" + document + "\") { stored } }");
        m.put("reviewFinding", "mutation { reviewFinding(departmentCode: \"XN-WB\", year: 2024, fingerprint: \"FP\", status: ACCEPTED) { ruleId } }");
        m.put("setReasons", "mutation { setReasons(departmentCode: \"XN-WB\", year: 2024, subject: \"account:2013501\", aspect: BUDGET, "
                + "reasons: [{code: \"SAVINGS\"}]) { code } }");
        m.put("saveDraft", "mutation { saveDraft(departmentCode: \"XN-WB\", year: 2024, section: TOTALS, text: \"改写\") { version } }");
        m.put("regenerateDraft", "mutation { regenerateDraft(departmentCode: \"XN-WB\", year: 2024, section: INCOME) { version } }");
        m.put("restoreDraftVersion", "mutation { restoreDraftVersion(departmentCode: \"XN-WB\", year: 2024, section: ASSETS, version: 1) { version } }");
        m.put("freezeReport", "mutation { freezeReport(departmentCode: \"XN-WB\", year: 2024) { contentHash } }");
        m.put("createUser", "mutation { createUser(username: \"new-user-ROLE\", password: \"a-long-password\", role: VIEWER) { username } }");
        m.put("setUserRole", "mutation { setUserRole(username: \"new-user-admin\", role: OFFICER, departmentCode: \"XN-WB\") { role } }");
        m.put("setUserDisabled", "mutation { setUserDisabled(username: \"new-user-admin\", disabled: true) { disabled } }");
        m.put("deleteUser", "mutation { deleteUser(username: \"new-user-admin\") }");
        m.put("readReport", "mutation { readReport(text: \"2024年度部门决算\\n部门：咸宁市测试局\") { kind } }");
        return m;
    }

    private static boolean allowed(String mutation, String role) {
        return switch (mutation) {
            case "createUser", "setUserRole", "setUserDisabled", "deleteUser" -> "admin".equals(role);
            // Reading a report sends it and stores nothing: any signed-in user.
            case "readReport" -> role != null;
            default -> "admin".equals(role) || "officer-xn".equals(role);
        };
    }

    private String fingerprint() {
        JsonNode audit = new GraphQLClient(http).run("audit", "code", "XN-WB", "year", 2024, "severity", "WARNING");
        return audit.path("data").path("department").path("year").path("audit").get(0).path("fingerprint").asText();
    }

    @Test
    void everyMutationIsRefusedToWhoeverMayNotAndChangesNothing() {
        String fingerprint = fingerprint();
        for (Map.Entry<String, String> mutation : mutations().entrySet()) {
            for (String role : ROLES) {
                String query = mutation.getValue().replace("FP", fingerprint).replace("ROLE", String.valueOf(role));
                String before = Database.snapshot(dataSource);
                JsonNode result = new GraphQLClient(http, role).query(query);
                String code = result.path("errors").path(0).path("extensions").path("code").asText("");
                String where = mutation.getKey() + " as " + role;
                if (allowed(mutation.getKey(), role)) {
                    assertFalse(code.equals("PERMISSION_DENIED") || code.equals("UNAUTHENTICATED"), where + ": " + result);
                } else {
                    assertEquals(role == null ? "UNAUTHENTICATED" : "PERMISSION_DENIED", code, where + ": " + result);
                    assertEquals(before, Database.snapshot(dataSource), where + " changed data");
                }
            }
        }
    }

    @Test
    void anonymousRequestsReadNothingWithoutPublicReading() {
        JsonNode result = new GraphQLClient(http, null).query("{ department(code: \"XN-WB\") { name } }");
        assertEquals("UNAUTHENTICATED", result.path("errors").get(0).path("extensions").path("code").asText());
        assertTrue(result.path("data").path("department").isNull());
        JsonNode check = new GraphQLClient(http, null).query("mutation { checkNarrative(departmentCode: \"XN-WB\", year: 2024, text: \"x\") { ruleId } }");
        assertEquals("UNAUTHENTICATED", check.path("errors").get(0).path("extensions").path("code").asText());
    }

    @Test
    void everyRoleReadsAndAnOfficerSeesTheirDepartment() {
        for (String role : List.of("viewer", "officer-hn", "officer-xn", "admin")) {
            JsonNode me = new GraphQLClient(http, role).query("{ me { username role departmentCode } department(code: \"XN-WB\") { name } }");
            assertTrue(me.path("errors").isMissingNode(), role + ": " + me);
            assertEquals(role, me.path("data").path("me").path("username").asText());
        }
        JsonNode officer = new GraphQLClient(http, "officer-xn").query("{ me { role departmentCode } }").path("data").path("me");
        assertEquals("OFFICER", officer.path("role").asText());
        assertEquals("XN-WB", officer.path("departmentCode").asText());
    }

    @Test
    void anApiTokenSignsAScriptIn() {
        String token = new GraphQLClient(http, "officer-xn").query("mutation { createApiToken(name: \"nightly import\") }")
                .path("data").path("createApiToken").asText();
        assertTrue(token.startsWith("nrt_"));
        var request = io.micronaut.http.HttpRequest.POST("/graphql", Map.of("query", "{ me { username role } }")).bearerAuth(token);
        Map<?, ?> response = http.toBlocking().retrieve(request, Map.class);
        assertEquals("officer-xn", ((Map<?, ?>) ((Map<?, ?>) response.get("data")).get("me")).get("username"));
    }

    @Test
    void theAuditLogRecordsWhoDidWhatIncludingRefusals() {
        new GraphQLClient(http, "viewer").query("mutation { freezeReport(departmentCode: \"XN-WB\", year: 2024) { contentHash } }");
        assertTrue(Database.count(dataSource, "SELECT COUNT(*) FROM audit_log WHERE username = 'viewer' AND operation = 'freezeReport' "
                + "AND outcome = 'DENIED' AND department_code = 'XN-WB'") >= 1);
    }
}
