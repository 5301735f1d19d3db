package org.budgetnarrator.model.reading;

/**
 * Reads the tables (and what else it knows) of one family of report layouts: the national template's (公开01–09 with
 * 行次 and 栏次, as Xianning prints them), Shanghai's district layout (no 公开NN labels, no 行次, other order), …
 * A layout reader adds rows to the document it is given and records every placement in the reading report.
 */
public interface LayoutReader {

    /** Its name, for the reading report ("national", "shanghai-district"). */
    String name();

    /** How well the source looks like this layout: 0 not at all; the reader with the highest score reads it. */
    int score(ReportSource source);

    /** Reads the source's tables into the document (import format keys), recording each placement. */
    void read(ReportSource source, DocumentDraft document, ReadingReport report);
}
