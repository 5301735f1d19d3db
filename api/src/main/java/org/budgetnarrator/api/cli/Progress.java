package org.budgetnarrator.api.cli;

import org.budgetnarrator.drafting.export.BulkDrafter;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long run: on a terminal a bar with count, rate and time left, redrawn in place; elsewhere
 * (CI, pipes) a plain line every 5%; on both, a line for every failure and every department-year skipped with its reason.
 */
final class Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long total;
    private long done;
    private long lastLine = -1;

    Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void total(long total) {
        this.total = total;
    }

    void report(BulkDrafter.Outcome outcome) {
        done++;
        if (outcome.status() == BulkDrafter.Status.FAILED) {
            line();
            out.println("FAILED  " + outcome.department() + " " + outcome.year() + ": " + outcome.error());
        } else if (outcome.status() == BulkDrafter.Status.SKIPPED) {
            line();
            out.println("SKIPPED " + outcome.department() + " " + outcome.year() + ": " + outcome.reason());
        }
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        double rate = done / seconds;
        long left = total > done ? Math.round((total - done) / Math.max(rate, 1e-9)) : 0;
        String text = String.format(Locale.ROOT, "%d/%d  %.1f/s  %s left", done, total, rate, duration(left));
        if (terminal) {
            int width = 30;
            int filled = total == 0 ? width : (int) (width * Math.min(1.0, done / (double) total));
            out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + text + "   ");
            out.flush();
        } else {
            long step = Math.max(1, total / 20);
            if (done == total || done / step != lastLine) {
                lastLine = done / step;
                out.println("progress " + text);
            }
        }
    }

    void finish() {
        line();
    }

    private void line() {
        if (terminal) {
            out.println();
        }
    }

    private static String duration(long seconds) {
        return seconds >= 60 ? (seconds / 60) + "m" + (seconds % 60) + "s" : seconds + "s";
    }
}
