package org.budgetnarrator.model.domain;

/** How a report prints one public table: its own number (公开01表, 表1, 一), title and place among the tables. */
public record TableLayout(long departmentYearId, PublicTable table, String label, String title, Integer position, String note) {
}
