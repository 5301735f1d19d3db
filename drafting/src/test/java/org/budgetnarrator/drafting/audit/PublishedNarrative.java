package org.budgetnarrator.drafting.audit;

import org.budgetnarrator.model.reading.ReadResult;
import org.budgetnarrator.model.reading.ReportReader;
import org.budgetnarrator.model.reading.ReportSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The 情况说明 of a published report as the product reads it from its PDF ({@link ReportReader}): the PDFs are others'
 * publications, kept outside the repository, so tests read their narratives at test time, one paragraph per line.
 */
final class PublishedNarrative {

    private PublishedNarrative() {
    }

    static String of(Path pdf) throws IOException {
        ReadResult read = ReportReader.standard().read(ReportSource.ofPdf(pdf));
        if (read.document() == null || !(read.document().get("documents") instanceof List<?> documents)) {
            throw new IOException("no 第三部分 情况说明 read from " + pdf + ": " + read.report().notes());
        }
        for (Object d : documents) {
            Map<?, ?> document = (Map<?, ?>) d;
            if ("FINAL_ACCOUNTS_NARRATIVE".equals(document.get("kind"))) {
                return document.get("text").toString();
            }
        }
        throw new IOException("no 第三部分 情况说明 read from " + pdf);
    }
}
