package org.budgetnarrator.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mixed load of {@code narrator load --mix}: N clients for T seconds against a server with the demo data and
 * users, each cycling through reads (the nested query, a department-year, its audit) and writes (saveDraft on a
 * section of its own and on one section every client edits, setReasons, checkNarrative, importing its
 * department's demo document again), signed in as the demo officers, administrator and viewer. Every answer is counted by operation
 * and outcome: OK, CONFLICT (expected where clients edit the same section on versions that others have
 * overtaken), or any other error code, which fails the run.
 */
final class MixedLoad {

    /** What a client does; each client starts at a different one and cycles through all. */
    enum Operation {
        NESTED("nested query"), DEPARTMENT_YEAR("a department-year"), AUDIT("audit"), SAVE_OWN_SECTION("saveDraft, own section"),
        SAVE_SHARED_SECTION("saveDraft, shared section"), SET_REASONS("setReasons"), CHECK_NARRATIVE("checkNarrative"),
        IMPORT("importDepartmentYear");

        final String label;

        Operation(String label) {
            this.label = label;
        }
    }

    /** The outcome of one request: OK, an error's extensions.code, "HTTP nnn" or the client's exception. */
    record Answer(Operation operation, String outcome, long nanos) {
        boolean acceptable() {
            return outcome.equals(OK) || outcome.equals(CONFLICT);
        }
    }

    /** Requests, outcomes and latencies of one operation (or of all). */
    record Tally(int requests, Map<String, Integer> outcomes, double p50Millis, double p99Millis) {
    }

    record Report(int clients, int seconds, Tally all, Map<Operation, Tally> operations) {
        double requestsPerSecond() {
            return all.requests() / (double) seconds;
        }

        boolean failed() {
            return all.outcomes().keySet().stream().anyMatch(o -> !o.equals(OK) && !o.equals(CONFLICT));
        }
    }

    static final String OK = "OK";
    static final String CONFLICT = "CONFLICT";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NESTED = """
            query Nested($first: Int!) { departments(first: $first) { nodes { code name
              departmentYears { year accounts(classification: FUNCTIONAL) { code actual basic project }
                projects(first: 100) { nodes { code name executed indicators { name target actual score } } } } } } }""";
    private static final String DEPARTMENT_YEAR = """
            query Year($code: String!, $year: Int!) { department(code: $code) { code name year(year: $year) { year
              summary { initialBudget adjustedBudget executed executionRate }
              accounts(classification: FUNCTIONAL) { code name actual previousActual yoyRate }
              threePublic { item budget actual } projects(first: 20) { nodes { name executed } } } } }""";
    private static final String AUDIT = """
            query Audit($code: String!, $year: Int!) { department(code: $code) { year(year: $year) { audit { ruleId severity fingerprint } } } }""";
    private static final String SAVE = """
            mutation Save($code: String!, $year: Int!, $section: SectionKind, $base: Int, $text: String!) {
              saveDraft(departmentCode: $code, year: $year, section: $section, baseVersion: $base, text: $text) { version } }""";
    private static final String SET_REASONS = """
            mutation Reasons($code: String!, $year: Int!, $subject: String!, $aspect: ReasonAspect!, $reasons: [ReasonInput!]!) {
              setReasons(departmentCode: $code, year: $year, subject: $subject, aspect: $aspect, reasons: $reasons) { subject code } }""";
    private static final String CHECK = """
            mutation Check($code: String!, $year: Int!, $text: String!) {
              checkNarrative(departmentCode: $code, year: $year, text: $text) { ruleId severity } }""";
    private static final String IMPORT = """
            mutation Import($document: String!, $fileName: String) { importDepartmentYear(document: $document, fileName: $fileName) {
              stored problems { severity message } } }""";

    /**
     * The demo department-years whose sections clients edit, with the user who may and the sections their document holds
     * (a section of another document is refused: SECTION_NOT_HELD).
     */
    private record Owned(String code, int year, String user, String document, List<String> sections) {
    }

    /** Sections of their own, one per client and department while there are enough; ASSETS of XN-WB is everyone's. */
    private static final List<String> FINAL_ACCOUNTS_SECTIONS = List.of("TOTALS", "INCOME", "EXPENDITURE", "FISCAL_TOTALS", "GENERAL_BUDGET",
            "BASIC_EXPENDITURE", "GOVERNMENT_FUND", "STATE_CAPITAL", "THREE_PUBLIC", "OFFICE_RUNNING_COST", "PROCUREMENT", "PERFORMANCE",
            "INDICATOR_DEVIATIONS", "SELF_EVALUATION_DEVIATION");
    private static final List<String> SELF_EVALUATION_SECTIONS = List.of("SELF_EVALUATION_DEVIATION", "INDICATOR_DEVIATIONS", "IMPROVEMENT_PLAN");
    private static final List<String> BUDGET_SECTIONS = List.of("BUDGET_GOAL", "BUDGET_FUNDS", "KEY_TASKS", "TARGET_INDICATORS");

    private static final List<Owned> DEPARTMENTS = List.of(new Owned("XN-WB", 2024, "officer-xn", "xianning-2024.json", FINAL_ACCOUNTS_SECTIONS),
            new Owned("HN-WB", 2024, "officer-hn", "hunan-2024.json", SELF_EVALUATION_SECTIONS),
            new Owned("438001", 2024, "admin", "shijiazhuang-2024.json", BUDGET_SECTIONS),
            new Owned("ZJ-WB", 2026, "admin", "zhanjiang-2026.json", BUDGET_SECTIONS));
    private static final List<String> REASON_LINES = List.of("account:2013501", "account:2013502", "account:20805");

    private final URI base;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** The demo documents, by file name: each client imports its department's again. */
    private final Map<String, String> documents = new HashMap<>();
    /** The newest version of the shared section any client has seen saved. */
    private final AtomicInteger sharedVersion = new AtomicInteger();

    MixedLoad(URI base, String password) {
        this.base = base;
        this.password = password;
        for (Owned department : DEPARTMENTS) {
            try (InputStream in = MixedLoad.class.getResourceAsStream("/demo/" + department.document())) {
                if (in == null) {
                    throw new IllegalStateException("the demo document demo/" + department.document() + " is missing from the classpath");
                }
                documents.put(department.document(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Signs the demo users in (fails clearly when the password is wrong), then runs the clients. */
    Report run(int clients, int seconds) throws InterruptedException {
        for (String user : List.of("admin", "officer-xn", "officer-hn", "viewer")) {
            token(user);
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<List<Answer>> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Answer> mine = new ArrayList<>();
            perClient.add(mine);
            int client = c;
            Thread thread = new Thread(() -> {
                Integer ownVersion = null;
                Operation[] all = Operation.values();
                for (int i = 0; System.nanoTime() < end; i++) {
                    Operation op = all[(client + i) % all.length];
                    long start = System.nanoTime();
                    String outcome;
                    JsonNode data = null;
                    try {
                        JsonNode answer = send(op, client, i, ownVersion);
                        JsonNode errors = answer.path("errors");
                        outcome = errors.isArray() && !errors.isEmpty() ? errors.get(0).path("extensions").path("code").asText("NO_CODE") : OK;
                        data = answer.path("data");
                    } catch (StatusException e) {
                        outcome = "HTTP " + e.status;
                    } catch (IOException | RuntimeException e) {
                        outcome = e.getClass().getSimpleName();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    mine.add(new Answer(op, outcome, System.nanoTime() - start));
                    if (outcome.equals(OK) && op == Operation.SAVE_OWN_SECTION) {
                        ownVersion = data.path("saveDraft").path("version").asInt();
                    } else if (outcome.equals(OK) && op == Operation.SAVE_SHARED_SECTION) {
                        sharedVersion.accumulateAndGet(data.path("saveDraft").path("version").asInt(), Math::max);
                    }
                }
            }, "mixed-load-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Answer> answers = new ArrayList<>();
        perClient.forEach(answers::addAll);
        Map<Operation, Tally> operations = new EnumMap<>(Operation.class);
        for (Operation op : Operation.values()) {
            operations.put(op, tally(answers.stream().filter(a -> a.operation() == op).toList()));
        }
        return new Report(clients, seconds, tally(answers), operations);
    }

    private JsonNode send(Operation op, int client, int i, Integer ownVersion) throws IOException, InterruptedException {
        Owned own = DEPARTMENTS.get(client % DEPARTMENTS.size());
        return switch (op) {
            case NESTED -> graphql("viewer", NESTED, "first", 20);
            case DEPARTMENT_YEAR -> graphql("officer-hn", DEPARTMENT_YEAR, "code", "HN-WB", "year", 2024);
            case AUDIT -> graphql("officer-xn", AUDIT, "code", "XN-WB", "year", 2024);
            case SAVE_OWN_SECTION -> graphql(own.user(), SAVE, "code", own.code(), "year", own.year(),
                    "section", own.sections().get((client / DEPARTMENTS.size()) % own.sections().size()), "base", ownVersion,
                    "text", "负载测试：客户端" + client + "第" + i + "次保存本部门的说明。");
            case SAVE_SHARED_SECTION -> {
                int seen = sharedVersion.get();
                yield graphql(client % 2 == 0 ? "officer-xn" : "admin", SAVE, "code", "XN-WB", "year", 2024, "section", "ASSETS",
                        "base", seen == 0 ? null : seen, "text", "负载测试：客户端" + client + "第" + i + "次修改共同编辑的资产说明。");
            }
            case SET_REASONS -> graphql(client % 2 == 0 ? "officer-xn" : "admin", SET_REASONS, "code", "XN-WB", "year", 2024,
                    "subject", REASON_LINES.get(i % REASON_LINES.size()), "aspect", i % 2 == 0 ? "BUDGET" : "PREVIOUS",
                    "reasons", List.of(Map.of("code", "PERSONNEL_OUT"), Map.of("note", "负载测试第" + i + "次说明")));
            case CHECK_NARRATIVE -> graphql("viewer", CHECK, "code", "XN-WB", "year", 2024,
                    "text", "2024年度一般公共预算财政拨款支出决算为1,234.56万元，比上年下降7.7%，主要原因是压减了会议费。");
            case IMPORT -> graphql(own.user(), IMPORT, "document", documents.get(own.document()), "fileName", own.document());
        };
    }

    private JsonNode graphql(String user, String query, Object... variables) throws IOException, InterruptedException {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            vars.put((String) variables[i], variables[i + 1]);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", vars);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token(user))
                .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new StatusException(response.statusCode());
        }
        return MAPPER.readTree(response.body());
    }

    private String token(String user) {
        return tokens.computeIfAbsent(user, u -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(Map.of("username", u, "password", password))))
                        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("signing in as demo user " + u + " at " + base + " failed (HTTP " + response.statusCode()
                            + "); the mixed load needs the demo users (embedded mode) and their password (--password)");
                }
                return MAPPER.readTree(response.body()).path("access_token").asText();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot reach " + base + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static Tally tally(List<Answer> answers) {
        Map<String, Integer> outcomes = new TreeMap<>();
        List<Long> nanos = new ArrayList<>(answers.size());
        for (Answer a : answers) {
            outcomes.merge(a.outcome(), 1, Integer::sum);
            nanos.add(a.nanos());
        }
        Collections.sort(nanos);
        return new Tally(answers.size(), outcomes, percentile(nanos, 0.50), percentile(nanos, 0.99));
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(sorted.size() * p) - 1))) / 1e6;
    }

    /** The report as Markdown: a summary line and a table by operation. */
    static String markdown(Report report, String label) {
        StringBuilder out = new StringBuilder();
        Tally all = report.all();
        out.append(String.format(Locale.ROOT, "%s, %d clients, %d s: %d requests, %.1f req/s, p50 %.1f ms, p99 %.1f ms, outcomes %s%n%n",
                label, report.clients(), report.seconds(), all.requests(), report.requestsPerSecond(), all.p50Millis(), all.p99Millis(),
                all.outcomes()));
        out.append("| operation | requests | OK | CONFLICT | other errors | p50 ms | p99 ms |\n|---|---|---|---|---|---|---|\n");
        for (Map.Entry<Operation, Tally> e : report.operations().entrySet()) {
            Tally t = e.getValue();
            Map<String, Integer> other = otherThan(t.outcomes());
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %.1f | %.1f |%n", e.getKey().label, t.requests(),
                    t.outcomes().getOrDefault(OK, 0), t.outcomes().getOrDefault(CONFLICT, 0), other.isEmpty() ? "0" : other.toString(),
                    t.p50Millis(), t.p99Millis()));
        }
        out.append(String.format(Locale.ROOT, "| all | %d | %d | %d | %s | %.1f | %.1f |%n", all.requests(), all.outcomes().getOrDefault(OK, 0),
                all.outcomes().getOrDefault(CONFLICT, 0), report.failed() ? otherThan(all.outcomes()).toString() : "0", all.p50Millis(),
                all.p99Millis()));
        return out.toString();
    }

    private static Map<String, Integer> otherThan(Map<String, Integer> outcomes) {
        Map<String, Integer> other = new TreeMap<>(outcomes);
        other.remove(OK);
        other.remove(CONFLICT);
        return other;
    }

    /** An answer other than 200. */
    private static final class StatusException extends IOException {
        final int status;

        StatusException(int status) {
            super("HTTP " + status);
            this.status = status;
        }
    }
}
