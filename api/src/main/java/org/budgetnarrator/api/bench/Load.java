package org.budgetnarrator.api.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One load cell through ../shared/peers/load.sh with wrk: the same bounded loopback tool, the same request body
 * and headers for Budget Narrator and for PostGraphile.
 */
final class Load {

    record Cell(double rps, double p50, double p99, long errors, long total) {
    }

    private static final Pattern RPS = Pattern.compile("req/s=([0-9.]+)");
    private static final Pattern P50 = Pattern.compile("p50=([0-9.]+)ms");
    private static final Pattern P99 = Pattern.compile("p99=([0-9.]+)ms");
    private static final Pattern ERRORS = Pattern.compile("errors=([0-9]+)");
    private static final Pattern TOTAL = Pattern.compile("total=([0-9]+)");

    private final Path peers;
    private final Path npmDir;
    private final Path work;

    Load(Path peers, Path npmDir, Path work) {
        this.peers = peers;
        this.npmDir = npmDir;
        this.work = work;
    }

    Cell run(String url, Path queryFile, int clients, int seconds) throws IOException, InterruptedException {
        Children.Result r = Children.run(List.of("bash", peers.resolve("load.sh").toString(), url, queryFile.toString(),
                Integer.toString(clients), Integer.toString(seconds)), Map.of("TOOL", "wrk", "PEERS_DIR", npmDir.toString()),
                work.resolve("load.txt"), seconds + 90);
        if (!r.ok()) {
            throw new IOException("load.sh failed (exit " + r.exit() + "): " + Children.abbreviate(r.output()));
        }
        String out = r.output();
        return new Cell(number(RPS, out), number(P50, out), number(P99, out), (long) number(ERRORS, out), (long) number(TOTAL, out));
    }

    private static double number(Pattern p, String text) throws IOException {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IOException("load.sh printed no " + p.pattern() + ": " + Children.abbreviate(text));
        }
        return Double.parseDouble(m.group(1));
    }
}
