package org.budgetnarrator.api.graphql;

import graphql.schema.DataFetcher;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.domain.PublishedRow;
import org.budgetnarrator.model.domain.TableLayout;
import org.budgetnarrator.model.read.PublishedTables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The public tables as published: DepartmentYear.publishedTables and its rows and cells. The rows and the layouts
 * of every department-year of a request are read in one statement each (Loaders.PUBLISHED, Loaders.LAYOUTS).
 */
@Singleton
public class PublishedTableFetchers {

    /** One table of one department-year, with how the report printed it. */
    public record TableView(PublicTable table, String number, String title, String printedLabel, String printedTitle,
                            Integer position, List<ColumnView> columns, List<PublishedRow> rows, List<PublishedRow> previousRows) {
    }

    public record ColumnView(String key, String label, PublicTable.Kind kind) {
    }

    /** A cell that holds a figure: money in 万元 as {@code amount}, a count or an area as {@code quantity}. */
    public record CellView(String column, String label, PublicTable.Kind kind, BigDecimal amount, BigDecimal quantity) {
    }

    DataFetcher<CompletableFuture<List<TableView>>> tables() {
        return env -> {
            DepartmentYear year = env.getSource();
            String only = env.getArgument("table");
            CompletableFuture<List<PublishedRow>> rows = env.<Long, List<PublishedRow>>getDataLoader(Loaders.PUBLISHED).load(year.id());
            CompletableFuture<List<TableLayout>> layouts = env.<Long, List<TableLayout>>getDataLoader(Loaders.LAYOUTS).load(year.id());
            return rows.thenCombine(layouts, (r, l) -> views(new PublishedTables(r, l), only));
        };
    }

    private static List<TableView> views(PublishedTables tables, String only) {
        List<TableView> out = new ArrayList<>();
        for (PublicTable table : tables.tables()) {
            if (only != null && !table.name().equals(only)) {
                continue;
            }
            TableLayout layout = tables.layout(table).orElse(null);
            out.add(new TableView(table, table.number(), table.title(), layout == null ? null : layout.label(),
                    layout == null ? null : layout.title(), layout == null ? null : layout.position(),
                    table.columns().stream().map(c -> new ColumnView(c.key(), c.label(), c.kind())).toList(),
                    tables.rows(table), tables.previousRows(table)));
        }
        return out;
    }

    DataFetcher<PublishedRow> row() {
        return env -> {
            TableView table = env.getSource();
            String key = env.getArgument("key");
            return table.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
        };
    }

    DataFetcher<String> templateName() {
        return env -> {
            PublishedRow row = env.getSource();
            return row.table().namedRow(row.key()).map(PublicTable.NamedRow::label).orElse(null);
        };
    }

    DataFetcher<Boolean> account() {
        return env -> env.<PublishedRow>getSource().isAccount();
    }

    DataFetcher<List<CellView>> cells() {
        return env -> {
            PublishedRow row = env.getSource();
            List<CellView> out = new ArrayList<>();
            for (PublicTable.Column column : row.table().columns()) {
                BigDecimal value = row.cell(column);
                if (value != null) {
                    out.add(cell(column, value));
                }
            }
            return out;
        };
    }

    DataFetcher<CellView> cell() {
        return env -> {
            PublishedRow row = env.getSource();
            String key = env.getArgument("column");
            PublicTable.Column column = PublicTable.Column.byKey(key)
                    .filter(row.table()::allows)
                    .orElseThrow(() -> new BadInputException("column: " + row.table().number() + " has no column \"" + key
                            + "\"; its columns are " + String.join(", ", row.table().columns().stream().map(PublicTable.Column::key).toList())));
            BigDecimal value = row.cell(column);
            return value == null ? null : cell(column, value);
        };
    }

    private static CellView cell(PublicTable.Column column, BigDecimal value) {
        boolean money = column.kind() == PublicTable.Kind.MONEY;
        return new CellView(column.key(), column.label(), column.kind(), money ? value : null, money ? null : value);
    }
}
