package org.budgetnarrator.api;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `bin/narrator benchmarks` at a tiny size runs every part end to end — data into both databases, PostGraphile
 * beside it on the same tables, load cells, statement counts, imports, audit, drafting, the model bench — and
 * writes a report whose every section is filled. The figures mean nothing at this size; that the two servers
 * return the same rows for the compared queries does, and so does the statement count not growing with the page.
 * The report is kept as target/artifacts/BENCHMARKS-smoke.md.
 */
class BenchmarksSmokeIT {

    @Test
    void theBenchmarkCommandRunsEveryPartAndWritesTheReport() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path report = Path.of("target", "artifacts", "BENCHMARKS-smoke.md").toAbsolutePath();
        Files.createDirectories(report.getParent());
        Path log = Path.of("target", "artifacts", "benchmarks-smoke.log").toAbsolutePath();
        Process p = new ProcessBuilder(List.of("bash", root.resolve("bin/narrator").toString(), "benchmarks", "--departments", "20",
                "--bulk", "20", "--runs", "1", "--seconds", "1", "--clients", "2", "--out", report.toString(),
                "--work", Path.of("target", "benchmarks-smoke").toAbsolutePath().toString()))
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(20, TimeUnit.MINUTES), "finished in time");
        assertEquals(0, p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        String md = Files.readString(report, StandardCharsets.UTF_8);
        for (String section : List.of("## Goals", "### (a) one department, 2024 lines", "### (b) nested, 20 departments",
                "### SQL statements per request", "## Start-up and memory", "## Import", "## Audit and template drafting over 20",
                "## POLISH against a model", "## Not measured", "## Reproduce")) {
            assertTrue(md.contains(section), "report has " + section + ":\n" + md);
        }
        for (String server : List.of("Budget Narrator, SQLite", "Budget Narrator, PostgreSQL", "PostGraphile v4, PostgreSQL")) {
            assertTrue(md.contains("| " + server + " | 2 | "), "a load cell for " + server + ":\n" + md);
        }
        // The compared queries return the same rows on both servers (PostGraphile's (a) one more: its year is a list of one).
        assertEquals(rows(md, "Budget Narrator, PostgreSQL (b, 20)"), rows(md, "PostGraphile v4, PostgreSQL (b, 20)"), md);
        assertEquals(rows(md, "Budget Narrator, PostgreSQL (a)") + 1, rows(md, "PostGraphile v4, PostgreSQL (a)"), md);
        assertTrue(md.contains("| SQL statements per request independent of page size (nested, 5 / 20 / 100 departments) | ")
                && !md.contains("NOT Budget Narrator"), md);
        assertTrue(md.contains("20 template drafts under 60 s") && md.contains("start-up under 3 s") && md.contains("idle resident memory"), md);
    }

    private static int rows(String md, String key) {
        Matcher m = Pattern.compile("\\| " + Pattern.quote(key) + " \\| (\\d+) rows").matcher(md);
        assertTrue(m.find(), "response shape of " + key + ":\n" + md);
        return Integer.parseInt(m.group(1));
    }
}
