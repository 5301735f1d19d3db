package org.budgetnarrator.api.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a profile shows, in a few lines for BENCHMARKS.md: execution samples of a Java Flight Recording grouped
 * by where the CPU went (the top frame's package and the hottest methods), and a native-memory summary.
 */
final class Profiles {

    private Profiles() {
    }

    private static final Pattern FRAME = Pattern.compile("^\\s+([\\w$.<>]+)\\(.*\\)\\s+line:");

    /** Groups the recording's execution samples by top frame: the share per area, and the ten hottest methods. */
    static String summarizeSamples(Path recording, Path work) throws IOException, InterruptedException {
        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        Children.Result r = Children.run(List.of(jfr.toString(), "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64",
                recording.toString()), Map.of(), work.resolve("jfr-print.txt"), 300);
        if (!r.ok()) {
            return "(the recording could not be read: " + Children.abbreviate(r.output()) + ")";
        }
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> areas = new LinkedHashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        boolean inStack = false;
        boolean first = false;
        String firstOurs = null;
        for (String line : r.output().split("\n")) {
            if (line.startsWith("jdk.ExecutionSample")) {
                if (firstOurs != null) {
                    ours.merge(firstOurs, 1, Integer::sum);
                }
                samples++;
                inStack = false;
                firstOurs = null;
                continue;
            }
            if (line.contains("stackTrace = [")) {
                inStack = true;
                first = true;
                continue;
            }
            if (!inStack) {
                continue;
            }
            Matcher m = FRAME.matcher(line);
            if (!m.find()) {
                continue;
            }
            String method = m.group(1);
            if (first) {
                top.merge(method, 1, Integer::sum);
                areas.merge(area(method), 1, Integer::sum);
                first = false;
            }
            if (firstOurs == null && method.startsWith("org.budgetnarrator.")) {
                firstOurs = method;
            }
        }
        if (firstOurs != null) {
            ours.merge(firstOurs, 1, Integer::sum);
        }
        if (samples == 0) {
            return "(no execution samples were recorded)";
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d CPU samples of the server's Java threads. Where the top frame was:%n%n", samples));
        out.append("| area | share of samples |\n|---|---|\n");
        int total = samples;
        areas.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(8).forEach(e ->
                out.append(String.format(Locale.ROOT, "| %s | %.0f%% |%n", e.getKey(), 100.0 * e.getValue() / total)));
        out.append("\nHottest methods (top frame):\n\n| method | share |\n|---|---|\n");
        top.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(10).forEach(e ->
                out.append(String.format(Locale.ROOT, "| `%s` | %.1f%% |%n", e.getKey(), 100.0 * e.getValue() / total)));
        if (!ours.isEmpty()) {
            out.append("\nThis application's own code on the stack (innermost frame of ours):\n\n| method | share |\n|---|---|\n");
            ours.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(8).forEach(e ->
                    out.append(String.format(Locale.ROOT, "| `%s` | %.1f%% |%n", e.getKey(), 100.0 * e.getValue() / total)));
        }
        return out.toString();
    }

    private static String area(String method) {
        String[][] areas = {
                {"org.budgetnarrator.", "Budget Narrator (fetchers, loaders, stores)"},
                {"graphql.", "graphql-java (parsing, validation, execution)"},
                {"org.dataloader.", "java-dataloader"},
                {"org.postgresql.", "PostgreSQL JDBC driver"},
                {"org.sqlite.", "SQLite JDBC driver"},
                {"com.zaxxer.hikari.", "HikariCP pool"},
                {"io.netty.", "Netty (HTTP, sockets)"},
                {"io.micronaut.", "Micronaut (routing, security, serialization)"},
                {"com.fasterxml.jackson.", "Jackson (JSON)"},
                {"reactor.", "Reactor"},
                {"io.micrometer.", "Micrometer (metrics)"},
                {"java.", "JDK (java.*)"},
                {"jdk.", "JDK (jdk.*)"},
                {"sun.", "JDK (sun.*)"},
        };
        for (String[] a : areas) {
            if (method.startsWith(a[0])) {
                return a[1];
            }
        }
        int dot = method.lastIndexOf('.');
        return dot > 0 ? method.substring(0, dot) : method;
    }

    /** The committed memory by category of `jcmd PID VM.native_memory summary` (needs -XX:NativeMemoryTracking=summary). */
    static String nativeMemory(long pid, Path work) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Children.Result r = Children.run(List.of(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary", "scale=MB"),
                Map.of(), work.resolve("nmt.txt"), 60);
        if (!r.ok()) {
            return "(native memory tracking could not be read: " + Children.abbreviate(r.output()) + ")";
        }
        Pattern category = Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)MB, committed=(\\d+)MB\\)");
        Pattern total = Pattern.compile("Total: reserved=(\\d+)MB, committed=(\\d+)MB");
        List<String[]> rows = new ArrayList<>();
        String committed = "?";
        for (String line : r.output().split("\n")) {
            Matcher t = total.matcher(line);
            if (t.find()) {
                committed = t.group(2);
            }
            Matcher m = category.matcher(line.trim());
            if (m.find()) {
                rows.add(new String[]{m.group(1).trim(), m.group(3)});
            }
        }
        rows.sort((a, b) -> Integer.parseInt(b[1]) - Integer.parseInt(a[1]));
        StringBuilder out = new StringBuilder("Native memory tracking, committed " + committed + " MB in all:\n\n| category | committed |\n|---|---|\n");
        for (String[] row : rows.subList(0, Math.min(8, rows.size()))) {
            out.append("| ").append(row[0]).append(" | ").append(row[1]).append(" MB |\n");
        }
        return out.toString();
    }
}
