package org.budgetnarrator.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.api.support.Browser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GraphiQL renders in a real headless Chromium from the application's own assets. Chromium runs with
 * background networking off; the page has no external resource to fetch, so this is the offline case.
 * .ci/run installs Debian's chromium when it is missing. A screenshot is kept in target/artifacts.
 */
@MicronautTest(transactional = false)
class GraphiqlBrowserTest {

    @Inject
    EmbeddedServer server;

    private static String run(List<String> command) throws Exception {
        Path output = Files.createTempFile("chromium", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "chromium did not finish in 90 s");
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    private List<String> chromiumCommand(Path profile) {
        return new ArrayList<>(List.of(Browser.binary("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,800", "--virtual-time-budget=10000"));
    }

    @Test
    void graphiqlRendersFromTheApplicationsOwnScripts() throws Exception {
        String url = server.getURL() + "/graphiql";
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> dump = chromiumCommand(profile);
        dump.addAll(List.of("--dump-dom", url));
        String dom = run(dump);
        assertTrue(dom.contains("graphiql-container"), () -> "GraphiQL did not render; DOM was:\n" + dom.substring(0, Math.min(2000, dom.length())));
        assertTrue(dom.contains("XN-WB"), "the default query is shown");

        Path artifacts = Path.of("target", "artifacts");
        Files.createDirectories(artifacts);
        List<String> shot = chromiumCommand(Files.createTempDirectory("chromium-profile"));
        shot.addAll(List.of("--screenshot=" + artifacts.resolve("graphiql.png").toAbsolutePath(), url));
        run(shot);
        assertTrue(Files.size(artifacts.resolve("graphiql.png")) > 10_000, "a screenshot was written");
    }
}
