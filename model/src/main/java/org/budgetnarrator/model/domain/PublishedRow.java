package org.budgetnarrator.model.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One printed row of a public table: its table, its key (an account code or a named row), whose year it holds
 * (the year's as printed, or last year's as the report states them), the name and 行次 the report printed, and its
 * cells by column. A blank cell is absent, never 0. Amounts in 万元.
 */
public record PublishedRow(long id, long departmentYearId, int seq, PublicTable table, String key, PublicTable.Period period,
                           String name, Integer lineNo, Map<PublicTable.Column, BigDecimal> cells) {

    public PublishedRow {
        EnumMap<PublicTable.Column, BigDecimal> copy = new EnumMap<>(PublicTable.Column.class);
        copy.putAll(cells);
        cells = Collections.unmodifiableMap(copy);
    }

    /** The cell's figure, null when the report left it blank. */
    public BigDecimal cell(PublicTable.Column column) {
        return cells.get(column);
    }

    public PublicTable.Side side() {
        return table.side(key);
    }

    /** Whether the row is an account line (a code) rather than a named row such as 合计. */
    public boolean isAccount() {
        return table.namedRow(key).isEmpty();
    }
}
