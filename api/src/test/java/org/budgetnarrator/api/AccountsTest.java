package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access that can be taken away: roles changed, users disabled and deleted, API tokens revoked and expiring, every
 * token checked against the user as stored on each request, token issuing limited and logged.
 */
@MicronautTest(transactional = false)
// These tests sign in many times from one address; the limiter has tests of its own.
@Property(name = "narrator.security.sign-in-attempts-per-minute", value = "1000")
class AccountsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PASSWORD = "a-long-enough-password";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    TokenGenerator tokens;

    private JsonNode as(String bearer, String query) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        var request = HttpRequest.POST("/graphql", body).contentType(MediaType.APPLICATION_JSON_TYPE);
        if (bearer != null) {
            request.bearerAuth(bearer);
        }
        try {
            return MAPPER.readTree(http.toBlocking().retrieve(request, String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode admin(String query) {
        return as(GraphQLClient.token(http, "admin"), query);
    }

    private static String code(JsonNode result) {
        return result.path("errors").path(0).path("extensions").path("code").asText("");
    }

    private void createUser(String username, String role, String department) {
        JsonNode created = admin("mutation { createUser(username: \"" + username + "\", password: \"" + PASSWORD + "\", role: " + role
                + (department == null ? "" : ", departmentCode: \"" + department + "\"") + ") { username } }");
        assertTrue(created.path("errors").isMissingNode(), created.toString());
    }

    private String signIn(String username) {
        Map<?, ?> response = http.toBlocking().retrieve(HttpRequest.POST("/login", Map.of("username", username, "password", PASSWORD)), Map.class);
        return (String) response.get("access_token");
    }

    private boolean signInFails(String username) {
        try {
            http.toBlocking().retrieve(HttpRequest.POST("/login", Map.of("username", username, "password", PASSWORD)), Map.class);
            return false;
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode() == 401;
        }
    }

    private String apiToken(String session, String name) {
        JsonNode created = as(session, "mutation { createApiToken(name: \"" + name + "\") }");
        assertTrue(created.path("errors").isMissingNode(), created.toString());
        return created.path("data").path("createApiToken").asText();
    }

    private static String meUsername(JsonNode me) {
        return me.path("data").path("me").path("username").asText(null);
    }

    private static final String SAVE = "mutation { saveDraft(departmentCode: \"XN-WB\", year: 2024, section: ASSETS, text: \"资产情况。\") { version author } }";

    @Test
    void aChangedRoleTakesEffectOnTheNextRequestOfEveryToken() {
        createUser("acct-promoted", "OFFICER", "XN-WB");
        String session = signIn("acct-promoted");
        String script = apiToken(session, "script");
        assertEquals("", code(as(script, SAVE)), "an officer of XN-WB saves");

        JsonNode demoted = admin("mutation { setUserRole(username: \"acct-promoted\", role: VIEWER) { role departmentCode } }");
        assertEquals("VIEWER", demoted.path("data").path("setUserRole").path("role").asText(), demoted.toString());
        assertTrue(demoted.path("data").path("setUserRole").path("departmentCode").isNull());

        // The sign-in session ended; the script's token carries the new role at once.
        assertEquals("UNAUTHENTICATED", code(as(session, SAVE)));
        assertEquals("PERMISSION_DENIED", code(as(script, SAVE)));
        assertEquals("VIEWER", as(script, "{ me { role } }").path("data").path("me").path("role").asText());
        // A fresh sign-in has the new role too.
        assertEquals("PERMISSION_DENIED", code(as(signIn("acct-promoted"), SAVE)));
    }

    @Test
    void aDisabledUserCannotSignInAndTheirTokensStopUntilEnabledAgain() {
        createUser("acct-disabled", "VIEWER", null);
        String session = signIn("acct-disabled");
        String script = apiToken(session, "script");
        JsonNode disabled = admin("mutation { setUserDisabled(username: \"acct-disabled\", disabled: true) { disabled } }");
        assertTrue(disabled.path("data").path("setUserDisabled").path("disabled").asBoolean(), disabled.toString());

        assertTrue(signInFails("acct-disabled"));
        assertEquals(null, meUsername(as(session, "{ me { username } }")));
        assertEquals(null, meUsername(as(script, "{ me { username } }")));
        assertEquals("UNAUTHENTICATED", code(as(script, "{ department(code: \"XN-WB\") { name } }")));

        admin("mutation { setUserDisabled(username: \"acct-disabled\", disabled: false) { disabled } }");
        assertEquals("acct-disabled", meUsername(as(signIn("acct-disabled"), "{ me { username } }")));
        assertEquals("acct-disabled", meUsername(as(script, "{ me { username } }")), "the API token works again");
        assertEquals(null, meUsername(as(session, "{ me { username } }")), "the session from before stays ended");
    }

    @Test
    void aDeletedUsersTokensStayDeadAlsoForANewUserOfTheSameName() {
        createUser("acct-deleted", "OFFICER", "XN-WB");
        String session = signIn("acct-deleted");
        String script = apiToken(session, "script");
        JsonNode deleted = admin("mutation { deleteUser(username: \"acct-deleted\") }");
        assertTrue(deleted.path("data").path("deleteUser").asBoolean(), deleted.toString());
        assertEquals("UNAUTHENTICATED", code(as(script, SAVE)), "a deleted user's token no longer writes");
        assertEquals("UNAUTHENTICATED", code(as(session, SAVE)));

        createUser("acct-deleted", "ADMIN", null);
        assertEquals(null, meUsername(as(session, "{ me { username } }")), "an old session does not become the new user's");
        assertEquals(null, meUsername(as(script, "{ me { username } }")), "an old API token does not become the new user's");
        assertEquals("NOT_FOUND", code(admin("mutation { deleteUser(username: \"acct-nobody\") }")));
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() {
        assertEquals("BAD_USER_INPUT", code(admin("mutation { setUserDisabled(username: \"admin\", disabled: true) { disabled } }")));
        assertEquals("BAD_USER_INPUT", code(admin("mutation { setUserRole(username: \"admin\", role: VIEWER) { role } }")));
        assertEquals("BAD_USER_INPUT", code(admin("mutation { deleteUser(username: \"admin\") }")));
        for (String who : new String[] {"viewer", "officer-xn"}) {
            JsonNode refused = as(GraphQLClient.token(http, who), "mutation { setUserDisabled(username: \"officer-hn\", disabled: true) { disabled } }");
            assertEquals("PERMISSION_DENIED", code(refused), who);
        }
    }

    @Test
    void apiTokensAreListedRevokedAndExpire() throws SQLException {
        createUser("acct-tokens", "VIEWER", null);
        String session = signIn("acct-tokens");
        String revoked = apiToken(session, "to revoke");
        String expiring = apiToken(session, "to expire");
        JsonNode list = as(session, "{ apiTokens { id name active expiresAt revokedAt } }").path("data").path("apiTokens");
        assertEquals(2, list.size(), list.toString());
        assertEquals("to expire", list.get(0).path("name").asText(), "newest first");
        Instant expires = Instant.parse(list.get(0).path("expiresAt").asText());
        assertTrue(expires.isAfter(Instant.now().plusSeconds(89L * 86400)) && expires.isBefore(Instant.now().plusSeconds(91L * 86400)),
                "90 days by default: " + expires);
        assertFalse(list.toString().contains("nrt_"), "a list never shows a token");

        String revokedId = list.get(1).path("id").asText();
        JsonNode done = as(session, "mutation { revokeApiToken(id: \"" + revokedId + "\") { active revokedAt } }");
        assertFalse(done.path("data").path("revokeApiToken").path("active").asBoolean(true), done.toString());
        assertEquals(null, meUsername(as(revoked, "{ me { username } }")));

        try (Connection c = Database.raw(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE api_token SET expires_at = ? WHERE name = 'to expire'")) {
            ps.setString(1, Instant.now().minusSeconds(1).toString());
            ps.executeUpdate();
        }
        assertEquals(null, meUsername(as(expiring, "{ me { username } }")));

        // Someone else's token: not found for a non-admin (ids reveal nothing), revocable by an admin.
        String viewerToken = apiToken(GraphQLClient.token(http, "viewer"), "viewer's");
        String otherId = as(GraphQLClient.token(http, "viewer"), "{ apiTokens { id } }").path("data").path("apiTokens").path(0).path("id").asText();
        assertEquals("NOT_FOUND", code(as(session, "mutation { revokeApiToken(id: \"" + otherId + "\") { active } }")));
        assertEquals("viewer", meUsername(as(viewerToken, "{ me { username } }")));
        assertEquals("PERMISSION_DENIED", code(as(session, "{ apiTokens(username: \"viewer\") { id } }")));
        assertEquals(1, admin("{ apiTokens(username: \"viewer\") { id } }").path("data").path("apiTokens").size());
        assertTrue(admin("mutation { revokeApiToken(id: \"" + otherId + "\") { active } }").path("errors").isMissingNode());
        assertEquals(null, meUsername(as(viewerToken, "{ me { username } }")));
    }

    @Test
    void tokenIssuingIsLimitedAndLogged() {
        createUser("acct-issuer", "VIEWER", null);
        String session = signIn("acct-issuer");
        String script = apiToken(session, "first");
        assertEquals("PERMISSION_DENIED", code(as(script, "mutation { createApiToken(name: \"minted by a token\") }")),
                "an API token does not mint tokens");
        assertEquals("BAD_USER_INPUT", code(as(session, "mutation { createApiToken(name: \"forever\", expiresInDays: 100000) }")));
        for (int i = 2; i <= 10; i++) {
            apiToken(session, "token " + i);
        }
        JsonNode eleventh = as(session, "mutation { createApiToken(name: \"one too many\") }");
        assertEquals("BAD_USER_INPUT", code(eleventh), eleventh.toString());
        assertEquals(10, Database.count(dataSource, "SELECT COUNT(*) FROM api_token WHERE username = 'acct-issuer'"));
        assertEquals(10, Database.count(dataSource, "SELECT COUNT(*) FROM audit_log WHERE username = 'acct-issuer' "
                + "AND operation = 'createApiToken' AND outcome = 'OK'"));
        assertTrue(Database.count(dataSource, "SELECT COUNT(*) FROM audit_log WHERE username = 'acct-issuer' "
                + "AND operation = 'createApiToken' AND outcome <> 'OK'") >= 2, "refusals are logged too");
    }

    @Test
    void forgedSessionTokensAreRefusedEvenWithTheRightSignature() {
        long adminId = Database.count(dataSource, "SELECT id FROM app_user WHERE username = 'admin'");
        long now = Instant.now().getEpochSecond();
        // Signed with the server's own secret, as whoever holds it could: without an expiry, for nobody, for an old generation.
        String noExpiry = tokens.generateToken(Map.of("sub", "admin", "roles", java.util.List.of("ADMIN"), "iat", now, "uid", adminId, "gen", 0))
                .orElseThrow();
        String nobody = tokens.generateToken(Map.of("sub", "no-such-user", "roles", java.util.List.of("ADMIN"), "iat", now, "exp", now + 3600,
                "uid", 999999, "gen", 0)).orElseThrow();
        String withoutId = tokens.generateToken(Map.of("sub", "admin", "roles", java.util.List.of("ADMIN"), "iat", now, "exp", now + 3600))
                .orElseThrow();
        String valid = tokens.generateToken(Map.of("sub", "admin", "roles", java.util.List.of("ADMIN"), "iat", now, "exp", now + 3600,
                "uid", adminId, "gen", 0)).orElseThrow();
        assertEquals(null, meUsername(as(noExpiry, "{ me { username } }")));
        assertEquals(null, meUsername(as(nobody, "{ me { username } }")));
        assertEquals(null, meUsername(as(withoutId, "{ me { username } }")));
        assertEquals("admin", meUsername(as(valid, "{ me { username } }")), "the control: a complete token for the stored user works");
    }

    @Test
    void theRoleComesFromTheStoredUserNotFromTheToken() {
        long viewerId = Database.count(dataSource, "SELECT id FROM app_user WHERE username = 'viewer'");
        long now = Instant.now().getEpochSecond();
        String claimsAdmin = tokens.generateToken(Map.of("sub", "viewer", "roles", java.util.List.of("ADMIN"), "iat", now, "exp", now + 3600,
                "uid", viewerId, "gen", 0)).orElseThrow();
        assertEquals("VIEWER", as(claimsAdmin, "{ me { role } }").path("data").path("me").path("role").asText());
        assertEquals("PERMISSION_DENIED", code(as(claimsAdmin, "{ users { username } }")));
    }

    @Test
    void everyVersionReviewAndFreezeRecordsItsAuthor() {
        String officer = GraphQLClient.token(http, "officer-xn");
        JsonNode saved = as(officer, SAVE);
        assertEquals("officer-xn", saved.path("data").path("saveDraft").path("author").asText(), saved.toString());
        JsonNode regenerated = as(officer, "mutation { regenerateDraft(departmentCode: \"XN-WB\", year: 2024, section: ASSETS, force: true) { author } }");
        assertEquals("officer-xn", regenerated.path("data").path("regenerateDraft").path("author").asText(), regenerated.toString());
        JsonNode restored = admin("mutation { restoreDraftVersion(departmentCode: \"XN-WB\", year: 2024, section: ASSETS, version: 1) { author } }");
        assertEquals("admin", restored.path("data").path("restoreDraftVersion").path("author").asText(), restored.toString());
        JsonNode frozen = as(officer, "mutation { freezeReport(departmentCode: \"XN-WB\", year: 2024) { frozenBy } }");
        assertEquals("officer-xn", frozen.path("data").path("freezeReport").path("frozenBy").asText(), frozen.toString());
        String fingerprint = as(officer, "{ department(code: \"XN-WB\") { year(year: 2024) { audit { fingerprint } } } }")
                .path("data").path("department").path("year").path("audit").path(0).path("fingerprint").asText();
        JsonNode reviewed = as(officer, "mutation { reviewFinding(departmentCode: \"XN-WB\", year: 2024, fingerprint: \"" + fingerprint
                + "\", status: ACCEPTED) { review { reviewedBy } } }");
        assertEquals("officer-xn", reviewed.path("data").path("reviewFinding").path("review").path("reviewedBy").asText(), reviewed.toString());
        assertEquals(0, Database.count(dataSource, "SELECT COUNT(*) FROM draft_version WHERE author IS NULL AND origin <> 'GENERATED'"));
    }

    @Test
    void departmentCodesAreMatchedExactly() {
        String officer = GraphQLClient.token(http, "officer-xn");
        JsonNode other = as(officer, "mutation { saveDraft(departmentCode: \"xn-wb\", year: 2024, section: ASSETS, text: \"改写\") { version } }");
        assertEquals("PERMISSION_DENIED", code(other), "xn-wb is another department than XN-WB: " + other);
        String document = new String(Documents.json(Documents.demo("xianning-2024.json"))).replace("\"XN-WB\"", "\"xn-wb\"")
                .replace("\\", "\\\\").replace("\"", "\\\"");
        JsonNode imported = as(officer, "mutation { importDepartmentYear(document: \"" + document + "\") { stored } }");
        assertEquals("PERMISSION_DENIED", code(imported), "an officer of XN-WB cannot create xn-wb");
    }
}
