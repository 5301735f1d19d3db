package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.model.generate.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process killed with SIGKILL in the middle of imports leaves the department-year whole: exactly the
 * version imported before, or exactly the new one — never half of one. The packaged application imports two
 * different versions of the same department-year over and over and is killed at several moments.
 */
class KillDuringImportIT {

    @TempDir
    Path dir;

    private static final String[] TABLES = {"account_line", "project", "indicator", "three_public_line", "income_line"};

    private static Map<String, Object> version(long seed, int drop) {
        Map<String, Object> doc = new Generator(seed).document(1, 2024);
        @SuppressWarnings("unchecked")
        List<Object> projects = (List<Object>) doc.get("projects");
        for (int i = 0; i < drop && projects.size() > 1; i++) {
            projects.remove(projects.size() - 1);
        }
        return doc;
    }

    private static List<Integer> counts(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            List<Integer> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM department_year y JOIN department d ON d.id = y.department_id "
                    + "WHERE d.code = 'D000001' AND y.fiscal_year = 2024")) {
                rs.next();
                out.add(rs.getInt(1));
            }
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " t JOIN department_year y ON y.id = t.department_year_id "
                        + "JOIN department d ON d.id = y.department_id WHERE d.code = 'D000001' AND y.fiscal_year = 2024")) {
                    rs.next();
                    out.add(rs.getInt(1));
                }
            }
            return out;
        }
    }

    private Process importer(Path db, List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
                "-Ddatasources.default.url=jdbc:sqlite:" + db, "-jar", Path.of("target", "narrator.jar").toAbsolutePath().toString(), "import"));
        files.forEach(f -> command.add(f.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("import.log").toFile()).start();
    }

    private long okLines() throws java.io.IOException {
        Path log = dir.resolve("import.log");
        if (!Files.exists(log)) {
            return 0;
        }
        return new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("ok ")).count();
    }

    @Test
    void aKilledImportLeavesThePreviousOrTheNewVersionWholeNeverHalf() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        mapper.writeValue(a.toFile(), version(1, 0));
        mapper.writeValue(b.toFile(), version(1, 2));
        Path db = dir.resolve("kill.db");

        // The two versions, each imported alone, to know their exact row counts.
        Process first = importer(db, List.of(b));
        assertTrue(first.waitFor(120, TimeUnit.SECONDS));
        List<Integer> countsB = counts(db);
        Process second = importer(db, List.of(a));
        assertTrue(second.waitFor(120, TimeUnit.SECONDS));
        List<Integer> countsA = counts(db);
        assertTrue(!countsA.equals(countsB), "the versions differ: " + countsA + " vs " + countsB);

        List<Path> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(i % 2 == 0 ? b : a);
        }
        boolean killedMidway = false;
        // Killed once the importer has reported 1, 40 and 120 files: a moment in the middle of the run however fast
        // or slow the machine (fixed delays missed it on a busy machine). The kill lands during a later file's import.
        for (long files : new long[]{1, 40, 120}) {
            Process p = importer(db, many);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (p.isAlive() && System.nanoTime() < deadline && okLines() < files) {
                Thread.sleep(10);
            }
            p.destroyForcibly(); // SIGKILL
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            List<Integer> after = counts(db);
            assertTrue(after.equals(countsA) || after.equals(countsB),
                    "after a kill past " + files + " files the department-year is " + after + ", neither " + countsA + " nor " + countsB
                            + "\n" + Files.readString(dir.resolve("import.log")));
            assertEquals(1, after.get(0));
            long imported = okLines();
            killedMidway |= imported > 0 && imported < many.size();
        }
        assertTrue(killedMidway, "at least one kill landed while imports were running");
    }
}
