package org.budgetnarrator.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.model.generate.Generator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every benchmark and writes BENCHMARKS.md: GraphQL throughput and latency beside PostGraphile v4 on the same
 * PostgreSQL data, statements per request, import rates, audit and drafting over 10,000 department-years, start-up
 * and memory, with the goals marked pass or fail and a profile where one fails. Each figure is the median of
 * repeated runs with their spread; what cannot be measured here is listed with the reason.
 */
@Command(name = "benchmarks", mixinStandardHelpOptions = true,
        description = {"Runs every benchmark and writes BENCHMARKS.md (about 25 minutes with the defaults).",
                "Needs the packaged application (bin/narrator builds it), PostgreSQL reachable as a superuser (--pg-admin), "
                        + "and for the peer ../shared/peers (its setup.sh installs PostGraphile, autocannon and wrk into "
                        + "$PEERS_DIR, default /tmp/peers). What is missing is recorded as not measured, with the reason."})
public class BenchmarksCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "BENCHMARKS.md", paramLabel = "FILE", description = "Report file (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--departments", defaultValue = "1000", paramLabel = "N",
            description = "Departments (two years each) for the GraphQL figures (default ${DEFAULT-VALUE}).")
    int departments;

    @Option(names = "--bulk", defaultValue = "10000", paramLabel = "N",
            description = "Department-years for the audit and drafting figures (default ${DEFAULT-VALUE}).")
    int bulk;

    @Option(names = "--runs", defaultValue = "3", description = "Repeats of each figure (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seconds", defaultValue = "10", description = "Seconds per load cell (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--clients", defaultValue = "1,8,32", split = ",", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    List<Integer> clients;

    @Option(names = "--peers", defaultValue = "../shared/peers", paramLabel = "DIR",
            description = "The peers harness (default ${DEFAULT-VALUE}).")
    Path peers;

    @Option(names = "--pg-admin", defaultValue = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", paramLabel = "JDBC-URL",
            description = "A superuser connection to PostgreSQL (default ${DEFAULT-VALUE}).")
    String pgAdmin;

    @Option(names = "--pg-log", defaultValue = "/var/log/postgresql/postgresql-15-main.log", paramLabel = "FILE",
            description = "PostgreSQL's server log, for counting statements (default ${DEFAULT-VALUE}).")
    Path pgLog;

    @Option(names = "--work", paramLabel = "DIR", description = "Working folder (default: a new temporary folder).")
    Path work;

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<String> notMeasured = new ArrayList<>();
    private final List<String[]> goals = new ArrayList<>();
    private final StringBuilder profiles = new StringBuilder();
    private Path npmDir;

    private void log(String message) {
        System.err.println("[" + java.time.LocalTime.now().withNano(0) + "] " + message);
    }

    /** A command of this application, with the environment it needs. */
    private record Launch(List<String> command, Map<String, String> env) {
    }

    /**
     * This application's command through bin/narrator when it is beside the jar, so that its default JVM settings
     * (collector, class-data archive) are measured as users get them; JVM options and properties go in
     * NARRATOR_JAVA_OPTS. Otherwise the java command that runs this JVM's classes.
     */
    private Launch ours(List<String> jvm, Map<String, String> props, String... args) {
        List<String> sys = new ArrayList<>();
        props.forEach((k, v) -> sys.add("-D" + k + "=" + v));
        Path launcher = Children.launcher();
        if (launcher != null) {
            List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
            command.addAll(List.of(args));
            List<String> options = new ArrayList<>(jvm);
            options.addAll(sys);
            return new Launch(command, Map.of("NARRATOR_JAVA_OPTS", String.join(" ", options)));
        }
        List<String> command = new ArrayList<>(Children.self(jvm, sys));
        command.addAll(List.of(args));
        return new Launch(command, Map.of());
    }

    private static Children.Result run(Launch launch, Map<String, String> env, Path log, int timeoutSeconds) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putAll(launch.env());
        return Children.run(launch.command(), all, log, timeoutSeconds);
    }

    private static Children.Server start(Launch launch, Map<String, String> env, int port, Path log) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putAll(launch.env());
        return Children.start(launch.command(), all, port, log);
    }

    @Override
    public Integer call() throws Exception {
        if (departments < 20 || bulk < 1 || runs < 1 || seconds < 1 || clients.isEmpty()) {
            System.err.println("narrator benchmarks: --departments must be at least 20, --bulk, --runs, --seconds at least 1");
            return 2;
        }
        work = work != null ? Files.createDirectories(work) : Files.createTempDirectory("narrator-benchmarks");
        peers = peers.toAbsolutePath().normalize();
        npmDir = Path.of(System.getenv().getOrDefault("PEERS_DIR", System.getProperty("java.io.tmpdir") + "/peers"));
        log("working in " + work);
        String started = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));

        Postgres pg = new Postgres(pgAdmin, pgLog);
        String pgVersion = null;
        try {
            pgVersion = pg.version();
        } catch (Exception e) {
            notMeasured.add("Everything on PostgreSQL, PostGraphile included: no superuser connection to " + pgAdmin + " (" + e.getMessage() + ").");
        }
        boolean peer = pgVersion != null && peerReady();

        Path sqliteDb = work.resolve("graphql.db");
        if (pgVersion != null) {
            pg.recreate();
            loadData("PostgreSQL", pgEnv(pg), pgProps(pg));
        }
        loadData("SQLite", Map.of(), Map.of("datasources.default.url", "jdbc:sqlite:" + sqliteDb));

        startupAndMemory(pg, pgVersion != null, sqliteDb);
        graphql(pg, pgVersion != null, peer, sqliteDb);
        imports();
        auditAndDrafting();
        modelBench();

        Files.writeString(out, report(started, pgVersion), StandardCharsets.UTF_8);
        log("wrote " + out.toAbsolutePath());
        return 0;
    }

    // ---------------------------------------------------------------- set-up

    private Map<String, String> pgEnv(Postgres pg) {
        return Map.of("MICRONAUT_ENVIRONMENTS", "server", "NARRATOR_JWT_SECRET", UUID.randomUUID() + "" + UUID.randomUUID(),
                "DATASOURCES_DEFAULT_URL", pg.jdbcUrl(true));
    }

    private Map<String, String> pgProps(Postgres pg) {
        return Map.of("datasources.default.username", Postgres.ROLE, "datasources.default.password", Postgres.ROLE,
                "flyway.datasources.default.schemas", Postgres.SCHEMA);
    }

    private boolean peerReady() throws IOException, InterruptedException {
        if (!Files.exists(peers.resolve("load.sh"))) {
            notMeasured.add("PostGraphile and the load cells: the peers harness is not at " + peers + ".");
            return false;
        }
        if (!Files.exists(npmDir.resolve("node_modules/.bin/postgraphile")) || !commandExists("wrk")) {
            log("installing the peers (PostGraphile, autocannon, wrk) with " + peers.resolve("setup.sh"));
            Children.Result r = Children.run(List.of("bash", peers.resolve("setup.sh").toString()), Map.of("PEERS_DIR", npmDir.toString()),
                    work.resolve("setup.txt"), 900);
            if (!r.ok()) {
                notMeasured.add("PostGraphile and the load cells: ../shared/peers/setup.sh failed: " + Children.abbreviate(r.output()));
                return false;
            }
        }
        return true;
    }

    private boolean commandExists(String name) throws IOException, InterruptedException {
        return Children.run(List.of("bash", "-c", "command -v " + name), Map.of(), work.resolve("which.txt"), 10).ok();
    }

    private final Map<String, String> loadRates = new LinkedHashMap<>();

    private void loadData(String database, Map<String, String> env, Map<String, String> props) throws Exception {
        log("generating " + departments + " departments × 2023, 2024 into " + database);
        Children.Result r = run(ours(List.of(), props, "generate", "--departments", Integer.toString(departments),
                "--year", "2023,2024", "--into-database"), env, work.resolve("generate-" + database + ".txt"), 3600);
        if (!r.ok()) {
            throw new IOException("generating the data into " + database + " failed: " + Children.abbreviate(r.output()));
        }
        loadRates.put(database, lastLine(r.output()));
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }

    // ---------------------------------------------------------------- start-up and memory

    private final Map<String, Series> startup = new LinkedHashMap<>();
    private final Map<String, Path> startupLogs = new LinkedHashMap<>();
    private final Map<String, Series> idleRss = new LinkedHashMap<>();
    private final Map<String, Double> loadRss = new LinkedHashMap<>();

    private void startupAndMemory(Postgres pg, boolean withPg, Path sqliteDb) throws Exception {
        // The quick start: embedded SQLite with the demo data, as `bin/narrator serve` runs it.
        Path demoDb = work.resolve("demo.db");
        String embedded = "embedded, SQLite with the demo data (the quick start)";
        for (int i = 0; i <= runs; i++) {
            int port = Children.freePort();
            try (Children.Server s = start(ours(List.of(), Map.of("datasources.default.url", "jdbc:sqlite:" + demoDb,
                    "micronaut.server.port", Integer.toString(port), "narrator.jobs.background", "false"), "serve"),
                    Map.of(), port, work.resolve("start-demo.txt"))) {
                if (i == 0) {
                    // The first start creates the database and loads the demo data; it is reported on its own.
                    startup.computeIfAbsent("first start on a new database, " + embedded, k -> new Series()).add(s.startSeconds);
                } else {
                    startup.computeIfAbsent(embedded, k -> new Series()).add(s.startSeconds);
                    startupLogs.put(embedded, s.log);
                    Thread.sleep(5000);
                    idleRss.computeIfAbsent(embedded, k -> new Series()).add(Children.rssMb(s.pid()));
                }
            }
        }
        if (withPg) {
            String server = "server mode, PostgreSQL, " + departments + " departments × 2 years";
            for (int i = 0; i < runs; i++) {
                int port = Children.freePort();
                Map<String, String> props = new LinkedHashMap<>(pgProps(pg));
                props.put("micronaut.server.port", Integer.toString(port));
                props.put("narrator.jobs.background", "false");
                try (Children.Server s = start(ours(List.of(), props, "serve"), pgEnv(pg), port, work.resolve("start-pg.txt"))) {
                    startup.computeIfAbsent(server, k -> new Series()).add(s.startSeconds);
                    startupLogs.put(server, s.log);
                    Thread.sleep(5000);
                    idleRss.computeIfAbsent(server, k -> new Series()).add(Children.rssMb(s.pid()));
                }
            }
        }
    }

    // ---------------------------------------------------------------- GraphQL

    private record Target(String name, boolean ours, boolean pg) {
    }

    private final Map<String, Map<Integer, Series[]>> cells = new LinkedHashMap<>();
    private final Map<String, Long> errors = new LinkedHashMap<>();
    private final Map<String, String> statements = new LinkedHashMap<>();
    private final Map<String, String> shapes = new LinkedHashMap<>();

    private Path query(String name, int first) throws IOException {
        String text;
        try (InputStream in = BenchmarksCommand.class.getResourceAsStream("/bench/" + name + ".graphql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        text = text.replace("D000500", Generator.code(Math.min(500, departments))).replace("FIRST", Integer.toString(first));
        Path file = work.resolve(name + (first > 0 ? "-" + first : "") + ".graphql");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Children.Server startTarget(Target t, Postgres pg, Path sqliteDb, int port, List<String> jvm) throws Exception {
        if (!t.ours) {
            Children.Result r = Children.run(List.of("bash", peers.resolve("start-postgraphile.sh").toString(), Integer.toString(port)),
                    Map.of("PEERS_DIR", npmDir.toString(), "DATABASE_URL", pg.libpqUrl()), work.resolve("postgraphile-start.txt"), 120);
            if (!r.ok()) {
                throw new IOException("PostGraphile did not start: " + Children.abbreviate(r.output()));
            }
            long pid = Long.parseLong(Files.readString(npmDir.resolve("postgraphile.pid")).trim());
            ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
            return new Children.Server(null, "http://127.0.0.1:" + port + "/graphql", npmDir.resolve("postgraphile.log"), r.seconds()) {
                @Override
                long pid() {
                    return pid;
                }

                @Override
                public void close() throws InterruptedException {
                    try {
                        Children.run(List.of("bash", peers.resolve("stop-postgraphile.sh").toString()), Map.of("PEERS_DIR", npmDir.toString()),
                                work.resolve("postgraphile-stop.txt"), 60);
                    } catch (IOException e) {
                        handle.destroy();
                    }
                    handle.onExit().join();
                }
            };
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("micronaut.server.port", Integer.toString(port));
        props.put("narrator.security.public-read", "true");
        props.put("narrator.jobs.background", "false");
        // The run reads the statement counter from /prometheus of its own loopback server, which has no users.
        props.put("endpoints.prometheus.sensitive", "false");
        if (t.pg) {
            props.putAll(pgProps(pg));
            return start(ours(jvm, props, "serve"), pgEnv(pg), port, work.resolve("server-" + t.name + ".txt"));
        }
        props.put("datasources.default.url", "jdbc:sqlite:" + sqliteDb);
        props.put("narrator.demo.enabled", "false");
        return start(ours(jvm, props, "serve"), Map.of(), port, work.resolve("server-" + t.name + ".txt"));
    }

    private static final int[] PAGE_SIZES = {5, 20, 100};

    private void graphql(Postgres pg, boolean withPg, boolean peer, Path sqliteDb) throws Exception {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("Budget Narrator, SQLite", true, false));
        if (withPg) {
            targets.add(new Target("Budget Narrator, PostgreSQL", true, true));
        }
        if (peer) {
            targets.add(new Target("PostGraphile v4, PostgreSQL", false, true));
        } else if (withPg) {
            notMeasured.add("PostGraphile's figures: the peer could not be installed or run (see above).");
        }
        boolean loadTool = peer || (Files.exists(peers.resolve("load.sh")) && commandExists("wrk") && commandExists("node"));
        if (!loadTool) {
            notMeasured.add("Throughput and latency: wrk, node or ../shared/peers/load.sh is missing.");
        }
        Load load = new Load(peers, npmDir, work);
        for (Target t : targets) {
            String prefix = t.ours ? "narrator" : "postgraphile";
            Path a = query(prefix + "-a-department", 0);
            Map<Integer, Path> b = new LinkedHashMap<>();
            for (int size : PAGE_SIZES) {
                b.put(size, query(prefix + "-b-nested", size));
            }
            if (t.pg && pg.logReadable()) {
                countFromPostgresLog(t, pg, sqliteDb, a, b);
            } else if (t.pg) {
                notMeasured.add("Statements per request counted by PostgreSQL for " + t.name + ": the server log " + pgLog + " is not readable.");
            }
            int port = Children.freePort();
            log("GraphQL load: " + t.name);
            try (Children.Server s = startTarget(t, pg, sqliteDb, port, List.of())) {
                shapes.put(t.name + " (a)", shape(Children.post(s.url, Files.readString(a))));
                shapes.put(t.name + " (b, 20)", shape(Children.post(s.url, Files.readString(b.get(20)))));
                if (t.ours) {
                    countFromMetrics(t, s, a, b);
                }
                if (!loadTool) {
                    continue;
                }
                AtomicBoolean sampling = new AtomicBoolean(true);
                double[] maxRss = {0};
                Thread sampler = new Thread(() -> {
                    while (sampling.get()) {
                        maxRss[0] = Math.max(maxRss[0], Children.rssMb(s.pid()));
                        try {
                            Thread.sleep(250);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                sampler.start();
                try {
                    for (Map.Entry<String, Path> q : Map.of("(a) one department, 2024 lines", a, "(b) nested, 20 departments", b.get(20))
                            .entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                        load.run(s.url, q.getValue(), 8, 5); // warm-up, not recorded: JIT, pools, caches
                        for (int c : clients) {
                            Series[] series = {new Series(), new Series(), new Series()};
                            long errs = 0;
                            for (int run = 0; run < runs; run++) {
                                Load.Cell cell = load.run(s.url, q.getValue(), c, seconds);
                                series[0].add(cell.rps());
                                series[1].add(cell.p50());
                                series[2].add(cell.p99());
                                errs += cell.errors();
                            }
                            String key = q.getKey() + "|" + t.name;
                            cells.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(c, series);
                            errors.merge(key + "|" + c, errs, Long::sum);
                            log(String.format(Locale.ROOT, "  %s c=%d: %s req/s", q.getKey(), c, series[0].format(1)));
                        }
                    }
                } finally {
                    sampling.set(false);
                    sampler.join();
                }
                loadRss.put(t.name, maxRss[0]);
            }
        }
    }

    private void countFromMetrics(Target t, Children.Server s, Path a, Map<Integer, Path> b) throws Exception {
        String metrics = s.url.replace("/graphql", "/prometheus");
        StringBuilder line = new StringBuilder();
        line.append("(a) ").append(perRequest(metrics, s.url, a));
        for (Map.Entry<Integer, Path> e : b.entrySet()) {
            line.append(", (b) ").append(e.getKey()).append(" departments: ").append(perRequest(metrics, s.url, e.getValue()));
        }
        statements.put(t.name + ", counted by the application (JDBC statements)", line.toString());
    }

    private static final Pattern STATEMENTS = Pattern.compile("(?m)^narrator_sql_statements_total (\\S+)$");

    private String perRequest(String metrics, String url, Path query) throws Exception {
        String q = Files.readString(query);
        String first = Children.post(url, q);
        if (first.contains("\"errors\"")) {
            throw new IOException(query.getFileName() + " failed: " + Children.abbreviate(first));
        }
        double before = metric(metrics);
        for (int i = 0; i < 5; i++) {
            Children.post(url, q);
        }
        double after = metric(metrics);
        return String.format(Locale.ROOT, "%.1f", (after - before) / 5);
    }

    private static double metric(String url) throws Exception {
        Matcher m = STATEMENTS.matcher(Children.get(url));
        if (!m.find()) {
            throw new IOException("no narrator_sql_statements_total on " + url);
        }
        return Double.parseDouble(m.group(1));
    }

    private void countFromPostgresLog(Target t, Postgres pg, Path sqliteDb, Path a, Map<Integer, Path> b) throws Exception {
        log("counting statements in PostgreSQL's log: " + t.name);
        pg.logStatements(true);
        try (Children.Server s = startTarget(t, pg, sqliteDb, Children.freePort(), List.of())) {
            StringBuilder line = new StringBuilder();
            line.append("(a) ").append(logged(pg, s, a));
            for (Map.Entry<Integer, Path> e : b.entrySet()) {
                line.append(", (b) ").append(e.getKey()).append(" departments: ").append(logged(pg, s, e.getValue()));
            }
            statements.put(t.name + ", counted in PostgreSQL's log", line.toString());
        } finally {
            pg.logStatements(false);
        }
    }

    private String logged(Postgres pg, Children.Server s, Path query) throws Exception {
        String q = Files.readString(query);
        Children.post(s.url, q);
        Thread.sleep(300);
        long offset = pg.logSize();
        for (int i = 0; i < 5; i++) {
            Children.post(s.url, q);
        }
        Thread.sleep(500);
        return String.format(Locale.ROOT, "%.1f", pg.statementsSince(offset) / 5.0);
    }

    /** Rows in a response (elements of every list) and its size: the same for both servers when the queries agree. */
    private String shape(String body) throws IOException {
        JsonNode tree = mapper.readTree(body);
        if (tree.has("errors")) {
            throw new IOException("the query failed: " + Children.abbreviate(body));
        }
        int[] rows = {0};
        count(tree, rows);
        return String.format(Locale.ROOT, "%d rows, %.1f KB", rows[0], body.getBytes(StandardCharsets.UTF_8).length / 1024.0);
    }

    private static void count(JsonNode node, int[] rows) {
        if (node.isArray()) {
            rows[0] += node.size();
        }
        node.forEach(child -> count(child, rows));
    }

    // ---------------------------------------------------------------- import, audit, drafting

    private final Map<String, Series> importRates = new LinkedHashMap<>();
    private static final Pattern PER_SECOND = Pattern.compile("\\(([0-9.]+) (?:files |department-years )?per second\\)");

    private static double perSecond(String output) throws IOException {
        Matcher m = PER_SECOND.matcher(output);
        double last = -1;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        if (last < 0) {
            throw new IOException("no rate in: " + Children.abbreviate(output));
        }
        return last;
    }

    private void imports() throws Exception {
        int jsonFiles = Math.min(1000, bulk);
        int workbooks = Math.min(300, bulk);
        Path json = work.resolve("import-json");
        Path xlsx = work.resolve("import-xlsx");
        log("import: " + jsonFiles + " JSON documents and " + workbooks + " workbooks");
        require(run(ours(List.of(), Map.of(), "generate", "--departments", Integer.toString(jsonFiles), "--out", json.toString()),
                Map.of(), work.resolve("gen-json.txt"), 600));
        require(run(ours(List.of(), Map.of(), "generate", "--departments", Integer.toString(workbooks), "--format", "xlsx",
                "--out", xlsx.toString()), Map.of(), work.resolve("gen-xlsx.txt"), 600));
        for (int run = 0; run < runs; run++) {
            for (Object[] kind : new Object[][]{{"JSON documents", json, jsonFiles}, {".xlsx workbooks", xlsx, workbooks}}) {
                Path db = work.resolve("import-" + UUID.randomUUID() + ".db");
                Children.Result r = require(run(ours(List.of(), Map.of("datasources.default.url", "jdbc:sqlite:" + db), "import", "-q",
                        kind[1].toString()), Map.of(), work.resolve("import.txt"), 1800));
                importRates.computeIfAbsent(kind[0] + " (" + kind[2] + " files into SQLite)", k -> new Series()).add(perSecond(r.output()));
                Files.deleteIfExists(db);
            }
        }
    }

    private final Map<String, Series> bulkRates = new LinkedHashMap<>();
    private final Map<String, Series> bulkWall = new LinkedHashMap<>();
    private final Map<String, String> bulkNotes = new LinkedHashMap<>();

    private void auditAndDrafting() throws Exception {
        Path db = work.resolve("bulk.db");
        Map<String, String> props = Map.of("datasources.default.url", "jdbc:sqlite:" + db);
        log("audit and drafting: generating " + bulk + " department-years");
        Children.Result gen = require(run(ours(List.of(), props, "generate", "--departments", Integer.toString(bulk), "--year", "2024",
                "--into-database"), Map.of(), work.resolve("gen-bulk.txt"), 7200));
        importRates.computeIfAbsent("generated documents checked and stored, straight into SQLite (" + bulk + ")", k -> new Series())
                .add(perSecond(gen.output()));
        for (int run = 0; run < runs; run++) {
            log("audit --all, run " + (run + 1));
            Children.Result audit = run(ours(List.of(), props, "audit", "--all"), Map.of(), work.resolve("audit.txt"), 3600);
            if (audit.exit() != 0 && audit.exit() != 1) { // 1: findings of severity ERROR, which generated data has
                throw new IOException("audit failed: " + Children.abbreviate(audit.output()));
            }
            bulkRates.computeIfAbsent("audit (`audit --all`)", k -> new Series()).add(perSecond(lastLine(audit.output())));
            bulkWall.computeIfAbsent("audit (`audit --all`)", k -> new Series()).add(audit.seconds());
            bulkNotes.put("audit (`audit --all`)", lastLine(audit.output()));

            log("draft --all (Markdown), run " + (run + 1));
            Path outDir = work.resolve("drafts-" + run);
            Children.Result draft = require(run(ours(List.of("-Xmx512m"), props, "draft", "--year", "2024", "--all", "--format", "md",
                    "--out", outDir.toString()), Map.of(), work.resolve("draft.txt"), 3600));
            bulkRates.computeIfAbsent("template drafting to Markdown (`draft --all --format md`, heap 512 MB)", k -> new Series())
                    .add(perSecond(lastLine(draft.output())));
            bulkWall.computeIfAbsent("template drafting to Markdown (`draft --all --format md`, heap 512 MB)", k -> new Series())
                    .add(draft.seconds());
            bulkNotes.put("template drafting to Markdown (`draft --all --format md`, heap 512 MB)", lastLine(draft.output()));
            deleteTree(outDir);
        }
    }

    private String modelBenchOutput;

    private void modelBench() throws Exception {
        log("POLISH against a stand-in model (bench-model)");
        Children.Result r = run(ours(List.of(), Map.of(), "bench-model", "--sections", "1000", "--latency-ms", "300",
                "--concurrency", "16"), Map.of(), work.resolve("bench-model.txt"), 1800);
        if (r.ok()) {
            modelBenchOutput = r.output().lines().filter(l -> l.startsWith("|") || l.startsWith("stand-in")).reduce("", (x, y) -> x + y + "\n");
        } else {
            notMeasured.add("POLISH against the stand-in model: bench-model failed: " + Children.abbreviate(r.output()));
        }
    }

    private static Children.Result require(Children.Result r) throws IOException {
        if (!r.ok()) {
            throw new IOException("a command failed (exit " + r.exit() + "): " + Children.abbreviate(r.output()));
        }
        return r;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    // ---------------------------------------------------------------- the report

    private String report(String started, String pgVersion) throws Exception {
        String ourPg = "Budget Narrator, PostgreSQL";
        String peerPg = "PostGraphile v4, PostgreSQL";
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by `bin/narrator benchmarks` (").append(commandLine()).append(") on ").append(started)
                .append(". Every figure is measured by that command in one run on one machine; none is estimated or copied. ")
                .append("Each is the median of ").append(runs).append(" runs with the spread (min–max) in brackets. ")
                .append("Client, servers and database share the machine's cores, as in `../shared/peers/README.md`.\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| machine | ").append(machine()).append(" |\n");
        md.append("| JVM | ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version"))
                .append(", with bin/narrator's defaults (serial collector, `-Xms32m`, this build's class-data archive; maximum heap ¼ of memory) unless said |\n");
        md.append("| PostgreSQL | ").append(pgVersion == null ? "not reachable" : pgVersion + ", its default configuration").append(" |\n");
        md.append("| peer | ").append(versionOf("postgraphile")).append(" (`../shared/peers/start-postgraphile.sh`: one Node process, pool 10) on ")
                .append(versionLine("node --version")).append(" |\n");
        md.append("| load tool | ").append(versionLine("wrk --version 2>&1 | head -1 | cut -d' ' -f1-2"))
                .append(" through `../shared/peers/load.sh` (loopback, the same body and headers for both servers) |\n");
        md.append("| data | ").append(departments).append(" generated departments × 2 years (2023, 2024) in both databases (`generate --into-database`); ")
                .append(bulk).append(" department-years for audit and drafting |\n\n");

        // Goals
        goalsFromFigures(ourPg, peerPg);
        md.append("## Goals\n\n| goal | measured | result |\n|---|---|---|\n");
        for (String[] g : goals) {
            md.append("| ").append(g[0]).append(" | ").append(g[1]).append(" | ").append(g[2]).append(" |\n");
        }
        md.append('\n');

        // GraphQL
        md.append("## GraphQL: Budget Narrator and PostGraphile on the same data\n\n");
        md.append("Both servers read the same PostgreSQL tables (Budget Narrator's schema, filled by `generate --into-database`; ")
                .append("PostGraphile v4 introspects them). The queries ask for the same rows and columns: ")
                .append("[`narrator-a-department.graphql`](api/src/main/resources/bench/narrator-a-department.graphql) and ")
                .append("[`postgraphile-a-department.graphql`](api/src/main/resources/bench/postgraphile-a-department.graphql), ")
                .append("[`narrator-b-nested.graphql`](api/src/main/resources/bench/narrator-b-nested.graphql) and ")
                .append("[`postgraphile-b-nested.graphql`](api/src/main/resources/bench/postgraphile-b-nested.graphql). ")
                .append("Budget Narrator runs as `narrator serve` with public reading on (`narrator.security.public-read`, so ")
                .append("that neither side authenticates) and the drafting worker off. Each cell: a 5 s warm-up per query, then ")
                .append(runs).append(" × ").append(seconds).append(" s of wrk. req/s, p50 and p99 (ms); ratio = Budget Narrator's ")
                .append("req/s ÷ PostGraphile's on PostgreSQL at the same clients.\n\n");
        for (String q : List.of("(a) one department, 2024 lines", "(b) nested, 20 departments")) {
            md.append("### ").append(q).append("\n\n| server | clients | req/s | p50 ms | p99 ms | errors | ratio to PostGraphile |\n|---|---|---|---|---|---|---|\n");
            Map<Integer, Series[]> peerCells = cells.get(q + "|" + peerPg);
            for (Map.Entry<String, Map<Integer, Series[]>> e : cells.entrySet()) {
                if (!e.getKey().startsWith(q + "|")) {
                    continue;
                }
                String server = e.getKey().substring(q.length() + 1);
                for (Map.Entry<Integer, Series[]> c : e.getValue().entrySet()) {
                    Series[] s = c.getValue();
                    String ratio = "—";
                    if (peerCells != null && peerCells.containsKey(c.getKey()) && !server.equals(peerPg)) {
                        ratio = String.format(Locale.ROOT, "%.2f", s[0].median() / peerCells.get(c.getKey())[0].median());
                    }
                    md.append("| ").append(server).append(" | ").append(c.getKey()).append(" | ").append(s[0].format(1)).append(" | ")
                            .append(s[1].format(1)).append(" | ").append(s[2].format(1)).append(" | ")
                            .append(errors.getOrDefault(e.getKey() + "|" + c.getKey(), 0L)).append(" | ").append(ratio).append(" |\n");
                }
            }
            md.append('\n');
        }
        md.append("Responses (rows = elements of every list; the same count on both servers shows the queries agree, except that ")
                .append("PostGraphile's (a) has one more: its year is a list of one):\n\n| server and query | response |\n|---|---|\n");
        shapes.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n### SQL statements per request\n\nSent by the server for one request, averaged over 5 sequential requests after one ")
                .append("unrecorded one; (b) at 5, 20 and 100 departments shows whether the count grows with the page. PostgreSQL's ")
                .append("log counts what the server sends (its BEGIN/COMMIT included, as `../shared/peers/count-statements.sh` does: ")
                .append("`log_statement` set for the benchmark's role only); the application's own count is the ")
                .append("`narrator_sql_statements_total` metric.\n\n| server | statements per request |\n|---|---|\n");
        statements.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append('\n');

        md.append("## Start-up and memory\n\nStart-up: from starting `bin/narrator serve` (the jar already built) to the first ")
                .append("answered GraphQL query, polled every 10 ms. Idle: resident memory (VmRSS) 5 s after that answer. Under load: ")
                .append("the highest resident memory sampled every 250 ms during that server's load cells above.\n\n")
                .append("| server | start-up to first answer (s) | resident memory idle (MB) |\n|---|---|---|\n");
        startup.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.format(2)).append(" | ")
                .append(idleRss.containsKey(k) ? idleRss.get(k).format(0) : "—").append(" |\n"));
        md.append("\n| server | resident memory under load, highest (MB) |\n|---|---|\n");
        loadRss.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(String.format(Locale.ROOT, "%.0f", v)).append(" |\n"));
        md.append('\n');

        md.append("## Import\n\nDocuments checked and stored per second (the command's own timing, JVM start excluded): `narrator import -q DIR` ")
                .append("into a new SQLite database each run, of files written by `narrator generate`.\n\n| what | per second |\n|---|---|\n");
        importRates.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.format(0)).append(" |\n"));
        md.append("\nLoading the GraphQL data, one run each: ");
        loadRates.forEach((k, v) -> md.append(k).append(": ").append(v).append(". "));
        md.append("\n\n");

        md.append("## Audit and template drafting over ").append(bulk).append(" department-years\n\n")
                .append("On SQLite, the embedded default. Per second by the command's own timing; wall is the whole command, JVM start ")
                .append("included. Drafting writes every department's full 情况说明 to a new folder each run (nothing skipped).\n\n")
                .append("| what | department-years per second | wall (s) | last run's summary |\n|---|---|---|---|\n");
        bulkRates.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.format(0)).append(" | ")
                .append(bulkWall.get(k).format(1)).append(" | ").append(bulkNotes.get(k).replace("|", "/")).append(" |\n"));
        md.append('\n');

        if (modelBenchOutput != null) {
            md.append("## POLISH against a model with 300 ms latency\n\n`narrator bench-model --sections 1000 --latency-ms 300 --concurrency 16`: ")
                    .append("1,000 sections polished through LangChain4j against a loopback OpenAI-compatible stand-in that answers after ")
                    .append("300 ms; then the same 1,000 again (answered from the cache). Goal: under 30 s, and no model call the second time.\n\n")
                    .append(modelBenchOutput).append('\n');
        }
        if (!profiles.isEmpty()) {
            md.append("## Profiles of the goals missed\n\n").append(profiles).append('\n');
        }
        md.append("## Not measured\n\n");
        if (notMeasured.isEmpty()) {
            md.append("Nothing: every figure above was measured in this run.\n");
        } else {
            notMeasured.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        md.append("\n## Reproduce\n\n```sh\n").append("../shared/peers/setup.sh        # once: PostGraphile, autocannon, wrk into $PEERS_DIR\n")
                .append("bin/narrator benchmarks          # writes BENCHMARKS.md; --help for sizes, runs and paths\n```\n");
        return md.toString();
    }

    private void goalsFromFigures(String ourPg, String peerPg) throws Exception {
        for (String[] g : new String[][]{{"(a) one department, 2024 lines", "single-department throughput at 8 clients ≥ PostGraphile's"},
                {"(b) nested, 20 departments", "nested page throughput at 8 clients ≥ PostGraphile's"}}) {
            Map<Integer, Series[]> ours = cells.get(g[0] + "|" + ourPg);
            Map<Integer, Series[]> peer = cells.get(g[0] + "|" + peerPg);
            if (ours == null || peer == null || !ours.containsKey(8) || !peer.containsKey(8)) {
                goals.add(new String[]{g[1], "not measured", "—"});
                continue;
            }
            double o = ours.get(8)[0].median();
            double p = peer.get(8)[0].median();
            boolean pass = o >= p;
            goals.add(new String[]{g[1], String.format(Locale.ROOT, "%.1f req/s against %.1f (×%.2f)", o, p, o / p),
                    pass ? "**pass**" : String.format(Locale.ROOT, "**fail**, short by %.0f%%; profile below", 100 * (1 - o / p))});
            if (!pass) {
                profileThroughput(g[0], ourPg);
            }
        }
        List<String> flat = new ArrayList<>();
        for (Map.Entry<String, String> e : statements.entrySet()) {
            if (!e.getKey().startsWith("Budget Narrator")) {
                continue;
            }
            Matcher m = Pattern.compile("\\(b\\) 5 departments: ([0-9.]+), \\(b\\) 20 departments: ([0-9.]+), \\(b\\) 100 departments: ([0-9.]+)")
                    .matcher(e.getValue());
            if (m.find()) {
                boolean same = m.group(1).equals(m.group(2)) && m.group(2).equals(m.group(3));
                flat.add((same ? "" : "NOT ") + e.getKey() + ": " + m.group(1) + " / " + m.group(2) + " / " + m.group(3));
            }
        }
        goals.add(new String[]{"SQL statements per request independent of page size (nested, 5 / 20 / 100 departments)",
                flat.isEmpty() ? "not measured" : String.join("; ", flat),
                flat.isEmpty() ? "—" : flat.stream().anyMatch(f -> f.startsWith("NOT")) ? "**fail**" : "**pass**"});

        String draftKey = "template drafting to Markdown (`draft --all --format md`, heap 512 MB)";
        if (bulkWall.containsKey(draftKey)) {
            double wall = bulkWall.get(draftKey).median();
            goals.add(new String[]{bulk + " template drafts under 60 s", String.format(Locale.ROOT, "%.1f s, the whole command", wall),
                    wall < 60 ? "**pass**" : String.format(Locale.ROOT, "**fail** by %.1f s", wall - 60)});
        }
        for (Map.Entry<String, Series> e : startup.entrySet()) {
            if (e.getKey().startsWith("first start")) {
                continue;
            }
            double s = e.getValue().median();
            goals.add(new String[]{"start-up under 3 s: " + e.getKey(), String.format(Locale.ROOT, "%.2f s", s),
                    s < 3 ? "**pass**" : String.format(Locale.ROOT, "**fail** by %.2f s; see the profile below", s - 3)});
            if (s >= 3) {
                profiles.append("### Start-up: ").append(e.getKey()).append("\n\nMicronaut's own log: ")
                        .append(startupLines(startupLogs.get(e.getKey()))).append("\n\n");
            }
        }
        for (Map.Entry<String, Series> e : idleRss.entrySet()) {
            double mb = e.getValue().median();
            goals.add(new String[]{"idle resident memory under 300 MB: " + e.getKey(), String.format(Locale.ROOT, "%.0f MB", mb),
                    mb < 300 ? "**pass**" : String.format(Locale.ROOT, "**fail** by %.0f MB; see the profile below", mb - 300)});
        }
        if (idleRss.values().stream().anyMatch(s -> s.median() >= 300)) {
            profileIdleMemory();
        }
    }

    private String startupLines(Path log) throws IOException {
        return log != null && Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains("Startup completed")).findFirst().orElse("(none)") : "(none)";
    }

    private void profileThroughput(String query, String target) throws Exception {
        log("profiling " + query + " on " + target);
        Path recording = work.resolve("profile-" + query.charAt(1) + ".jfr");
        Path file = query.startsWith("(a)") ? work.resolve("narrator-a-department.graphql") : work.resolve("narrator-b-nested-20.graphql");
        Postgres pg = new Postgres(pgAdmin, pgLog);
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try (Children.Server s = startTarget(new Target(target, true, true), pg, null, Children.freePort(), List.of())) {
            Load load = new Load(peers, npmDir, work);
            load.run(s.url, file, 8, 5);
            // Recorded after the warm-up, so that start-up and JIT compilation are not in the profile.
            require(Children.run(List.of(jcmd, Long.toString(s.pid()), "JFR.start", "name=bench", "settings=profile"), Map.of(),
                    work.resolve("jcmd.txt"), 60));
            load.run(s.url, file, 8, seconds);
            require(Children.run(List.of(jcmd, Long.toString(s.pid()), "JFR.dump", "name=bench", "filename=" + recording), Map.of(),
                    work.resolve("jcmd.txt"), 60));
        }
        profiles.append("### ").append(query).append(", ").append(target).append(", 8 clients\n\n")
                .append("A Java Flight Recording (`settings=profile`) of the server during ").append(seconds)
                .append(" s of the same load, started after a 5 s warm-up.\n\n").append(Profiles.summarizeSamples(recording, work)).append('\n');
    }

    private void profileIdleMemory() throws Exception {
        log("profiling idle memory");
        Path demoDb = work.resolve("demo.db");
        int port = Children.freePort();
        try (Children.Server s = start(ours(List.of("-XX:NativeMemoryTracking=summary"), Map.of("datasources.default.url", "jdbc:sqlite:" + demoDb,
                "micronaut.server.port", Integer.toString(port), "narrator.jobs.background", "false"), "serve"), Map.of(), port,
                work.resolve("start-nmt.txt"))) {
            Thread.sleep(5000);
            profiles.append("### Idle resident memory, the quick start\n\n").append(Profiles.nativeMemory(s.pid(), work)).append('\n');
        }
    }

    private String commandLine() {
        return String.format(Locale.ROOT, "--departments %d --bulk %d --runs %d --seconds %d --clients %s", departments, bulk, runs, seconds,
                String.join(",", clients.stream().map(String::valueOf).toList()));
    }

    private String machine() {
        String cpu = "?";
        String mem = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.replaceFirst("^model name\\s*:\\s*", "")).orElse("?");
            mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0)).orElse("?");
        } catch (IOException e) {
            // not Linux: the cores are still known
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + mem + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version");
    }

    private String versionOf(String npmPackage) {
        try {
            JsonNode pkg = mapper.readTree(npmDir.resolve("node_modules").resolve(npmPackage).resolve("package.json").toFile());
            return npmPackage + " " + pkg.path("version").asText();
        } catch (IOException e) {
            return npmPackage + " (not installed)";
        }
    }

    private String versionLine(String shell) {
        try {
            Children.Result r = Children.run(List.of("bash", "-c", shell), Map.of(), work.resolve("version.txt"), 10);
            return r.ok() ? r.output().strip() : "(not installed)";
        } catch (Exception e) {
            return "(not installed)";
        }
    }
}
