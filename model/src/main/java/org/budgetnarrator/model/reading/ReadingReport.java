package org.budgetnarrator.model.reading;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader did with a report: every cell it placed and where it read it, every cell it was not sure of (with the
 * placements that fit), the identities of the tables that confirmed or contradicted what it placed, and notes on what it
 * could not read at all. Collected while reading; {@link #done()} freezes it.
 */
public final class ReadingReport {

    /** A figure placed in a cell: table, row key, column key, the value as printed, and where it was read. */
    public record Placed(String table, String row, String column, String value, int page, int line) {
    }

    /**
     * A figure the reader could not place for certain: the cell it chose (or null where it chose none), the other
     * cells that fit as well, and why.
     */
    public record Uncertain(String table, String row, String column, List<String> alternatives, String value, int page,
                            int line, String reason) {
        public Uncertain {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** An identity of the tables (ANY 合计 = the sum of its parts, 收入总计 = 支出总计 …) held against the placed cells. */
    public record Identity(String table, String rule, boolean holds, String detail) {
    }

    private final List<Placed> placed = new ArrayList<>();
    private final List<Uncertain> uncertain = new ArrayList<>();
    private final List<Identity> identities = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private boolean frozen;
    private boolean incomplete;

    public void placed(String table, String row, String column, String value, ReportLine at) {
        check();
        placed.add(new Placed(table, row, column, value, at.page(), at.number()));
    }

    public void uncertain(String table, String row, String column, List<String> alternatives, String value, ReportLine at,
                          String reason) {
        check();
        uncertain.add(new Uncertain(table, row, column, alternatives, value, at.page(), at.number(), reason));
    }

    public void identity(String table, String rule, boolean holds, String detail) {
        check();
        identities.add(new Identity(table, rule, holds, detail));
    }

    public void note(String note) {
        check();
        notes.add(note);
    }

    /** A note on a part of the report that was not read (a table missing or unreadable): the result is partial. */
    public void missing(String note) {
        note(note);
        incomplete = true;
    }

    /** Whether part of what the report should print was not read (see {@link #missing}). */
    public boolean incomplete() {
        return incomplete;
    }

    public List<Placed> placedCells() {
        return List.copyOf(placed);
    }

    public List<Uncertain> uncertainCells() {
        return List.copyOf(uncertain);
    }

    public List<Identity> identities() {
        return List.copyOf(identities);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The share of read cells that are uncertain, in percent (0 when nothing was read). */
    public double uncertainShare() {
        int all = placed.size() + uncertain.size();
        return all == 0 ? 0 : 100.0 * uncertain.size() / all;
    }

    public ReadingReport done() {
        frozen = true;
        return this;
    }

    private void check() {
        if (frozen) {
            throw new IllegalStateException("the reading report is complete");
        }
    }
}
