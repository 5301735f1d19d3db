package org.budgetnarrator.model.read;

import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.domain.PublishedRow;
import org.budgetnarrator.model.domain.TableLayout;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public tables of one department-year as published: the owner of every printed figure. A cell is read by
 * table, row and column, and is null when the report left it blank or did not print the table.
 */
public final class PublishedTables {

    private static final PublishedTables NONE = new PublishedTables(List.of(), List.of());

    private final Map<PublicTable, Map<String, PublishedRow>> rows = new EnumMap<>(PublicTable.class);
    private final Map<PublicTable, Map<String, PublishedRow>> previous = new EnumMap<>(PublicTable.class);
    private final Map<PublicTable, TableLayout> layouts = new EnumMap<>(PublicTable.class);

    public PublishedTables(List<PublishedRow> rows, List<TableLayout> layouts) {
        for (PublishedRow row : rows) {
            (row.period() == PublicTable.Period.PREVIOUS ? previous : this.rows)
                    .computeIfAbsent(row.table(), t -> new LinkedHashMap<>()).put(row.key(), row);
        }
        for (TableLayout layout : layouts) {
            this.layouts.put(layout.table(), layout);
        }
    }

    public static PublishedTables none() {
        return NONE;
    }

    /** Whether the report printed any row of the table (last year's figures aside). */
    public boolean has(PublicTable table) {
        return rows.containsKey(table);
    }

    /** The table's rows in printed order. */
    public List<PublishedRow> rows(PublicTable table) {
        return List.copyOf(rows.getOrDefault(table, Map.of()).values());
    }

    public Optional<PublishedRow> row(PublicTable table, String key) {
        return Optional.ofNullable(rows.getOrDefault(table, Map.of()).get(key));
    }

    /** A cell's figure in 万元; null when blank or not printed. */
    public BigDecimal cell(PublicTable table, String row, PublicTable.Column column) {
        PublishedRow r = rows.getOrDefault(table, Map.of()).get(row);
        return r == null ? null : r.cell(column);
    }

    /** Last year's figure of a cell, as the report states it; null when it does not. */
    public BigDecimal previous(PublicTable table, String row, PublicTable.Column column) {
        PublishedRow r = previous.getOrDefault(table, Map.of()).get(row);
        return r == null ? null : r.cell(column);
    }

    /** The rows of last year's figures the report states for a table. */
    public List<PublishedRow> previousRows(PublicTable table) {
        return List.copyOf(previous.getOrDefault(table, Map.of()).values());
    }

    public Optional<TableLayout> layout(PublicTable table) {
        return Optional.ofNullable(layouts.get(table));
    }

    /** The tables the report printed, in the report's order where it was recorded, else the template's. */
    public List<PublicTable> tables() {
        return rows.keySet().stream().sorted((a, b) -> Integer.compare(position(a), position(b))).toList();
    }

    /** Every row and layout: what a fingerprint of the department-year's data reads. */
    @Override
    public String toString() {
        return "PublishedTables[rows=" + rows + ", previous=" + previous + ", layouts=" + layouts + "]";
    }

    private int position(PublicTable table) {
        TableLayout layout = layouts.get(table);
        return layout != null && layout.position() != null ? layout.position() : 1000 + table.ordinal();
    }
}
