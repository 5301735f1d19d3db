package org.budgetnarrator.api.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.DataFetcher;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.budgetnarrator.api.reading.ReportFiles;
import org.budgetnarrator.model.reading.ReadResult;
import org.budgetnarrator.model.reading.ReadingReport;
import org.budgetnarrator.model.reading.ReportReader;
import org.budgetnarrator.model.reading.ReportSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Mutation.readReport: the command line's reader (bin/narrator read) over GraphQL; nothing is stored. */
@Singleton
public class ReadReportFetchers {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Executor executor;

    public ReadReportFetchers(@Named(TaskExecutors.BLOCKING) Executor executor) {
        this.executor = executor;
    }

    DataFetcher<CompletableFuture<ReadReportPayload>> readReport() {
        return env -> {
            Upload file = env.getArgument("file");
            String text = env.getArgument("text");
            String pdf = env.getArgument("pdfBase64");
            String given = env.getArgument("fileName");
            String level = env.getArgument("level");
            if ((file != null ? 1 : 0) + (text != null ? 1 : 0) + (pdf != null ? 1 : 0) != 1) {
                throw new BadInputException("readReport: give the report as file, text or pdfBase64, exactly one of them");
            }
            if (file != null) {
                String name = given == null || given.isBlank() ? file.fileName() : given.strip();
                return Blocking.run(() -> {
                    ReadResult result = ReportReader.standard().read(ReportFiles.source(name, file.content()));
                    ReportFiles.withLevel(result.document(), level);
                    return payload(name, result);
                }, executor);
            }
            byte[] content = null;
            if (pdf != null) {
                try {
                    content = Base64.getMimeDecoder().decode(pdf);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("readReport.pdfBase64: not base64 (" + e.getMessage() + ")");
                }
            }
            String name = given == null || given.isBlank() ? (pdf != null ? "report.pdf" : "report.txt") : given.strip();
            byte[] pdfContent = content;
            return Blocking.run(() -> {
                ReportSource source = pdfContent != null ? ReportFiles.source(withExtension(name, ".pdf"), pdfContent)
                        : ReportFiles.text(name, text);
                ReadResult result = ReportReader.standard().read(source);
                ReportFiles.withLevel(result.document(), level);
                return payload(name, result);
            }, executor);
        };
    }

    private static String withExtension(String name, String extension) {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(extension) ? name : name + extension;
    }

    /** ReadReportPayload: what the reader gave for one file. */
    record ReadReportPayload(String file, String kind, boolean partial, Integer year, String departmentName, String document,
                             ReadingPayload reading) {
    }

    /** ReadingReport: the reading report as served. */
    record ReadingPayload(int placedCount, List<ReadingReport.Placed> placedCells, List<ReadingReport.Uncertain> uncertainCells,
                          List<ReadingReport.Identity> identities, List<String> notes, BigDecimal uncertainShare) {
    }

    static ReadReportPayload payload(String name, ReadResult result) {
        Map<String, Object> document = result.document();
        String json;
        try {
            json = document == null ? null : MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a read document is JSON-shaped", e);
        }
        ReadingReport report = result.report();
        ReadingPayload reading = new ReadingPayload(report.placedCells().size(), report.placedCells(), report.uncertainCells(),
                report.identities(), report.notes(), BigDecimal.valueOf(report.uncertainShare()).setScale(2, RoundingMode.HALF_UP));
        return new ReadReportPayload(name, result.kind().name(), result.partial(),
                document == null ? null : (Integer) document.get("year"),
                document != null && document.get("department") instanceof Map<?, ?> d ? (String) d.get("name") : null, json, reading);
    }
}
