package org.budgetnarrator.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged application (the shaded jar bin/narrator runs) works as a whole: a shaded jar can behave
 * unlike the test classpath (multi-release classes, service files), so it is run for real here.
 */
class JarSmokeIT {

    @TempDir
    Path dir;

    private String run(int expectedExit, String... args) throws Exception {
        Path jar = Path.of("target", "narrator.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), "the package phase builds target/narrator.jar");
        List<String> command = new java.util.ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
                "-Ddatasources.default.url=jdbc:sqlite:" + dir.resolve("smoke.db"), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS));
        assertEquals(expectedExit, process.exitValue(), output);
        return output;
    }

    @Test
    void thePackagedApplicationImportsAuditsAndDrafts() throws Exception {
        Path template = dir.resolve("template.xlsx");
        run(0, "template", "--out", template.toString());
        assertTrue(Files.size(template) > 5000);
        String bench = run(0, "bench", "--departments", "20", "--runs", "3");
        assertTrue(bench.contains("reports/s") && bench.contains("draft the full report of Xianning"), bench);
    }
}
