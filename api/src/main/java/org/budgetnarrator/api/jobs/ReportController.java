package org.budgetnarrator.api.jobs;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import org.budgetnarrator.api.security.Access;
import org.budgetnarrator.api.security.Caller;
import org.budgetnarrator.drafting.draft.DraftService;
import org.budgetnarrator.drafting.export.BulkDrafter;
import org.budgetnarrator.drafting.export.SelfEvaluationWorkbook;
import org.budgetnarrator.drafting.indicator.ScoringProfiles;
import org.budgetnarrator.model.read.YearData;
import org.budgetnarrator.model.read.YearDataReader;

import java.util.Map;
import java.util.function.Function;

/**
 * One department-year's files for the people who read it: the 情况说明 as it prints as Word (officers' saved texts,
 * the template's draft elsewhere; the public tables, charts and highlighted gaps; the same file bulk drafting
 * writes) and the self-evaluation tables as a workbook, with the reasons officers recorded for indicators.
 * Reading rules are GraphQL's ({@link Access}): the drafted report is the department's working data (its officers
 * and administrators); the self-evaluation tables are published data (any signed-in user, anyone with public reading).
 */
@Controller("/departments/{code}/{year}")
public class ReportController {

    private static final MediaType DOCX = MediaType.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final MediaType XLSX = MediaType.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final BulkDrafter drafter;
    private final YearDataReader reader;
    private final boolean publicRead;
    private final DraftService drafts;

    public ReportController(BulkDrafter drafter, YearDataReader reader, @Value("${narrator.security.public-read:false}") boolean publicRead,
                            DraftService drafts) {
        this.drafts = drafts;
        this.drafter = drafter;
        this.reader = reader;
        this.publicRead = publicRead;
    }

    @Get("/report.docx")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> report(String code, int year, @Nullable Authentication authentication) {
        Access.readWorking(Caller.of(authentication), code);
        return readable(authentication, code, year, data -> {
            BulkDrafter.Rendered file = drafter.render(drafter.prepare(data, "docx", "TEMPLATE"));
            return attachment(file.content(), DOCX, file.fileName());
        });
    }

    @Get("/self-evaluation.xlsx")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> selfEvaluation(String code, int year, @Nullable @QueryValue String profile, @Nullable Authentication authentication) {
        String name = profile == null ? ScoringProfiles.NATIONAL : profile;
        // Recorded reasons are the department's working data: its officers and administrators get them in the
        // deviation cells; other readers get the tables as published.
        boolean working = Access.mayWorkOn(Caller.of(authentication), code);
        return readable(authentication, code, year, data -> ScoringProfiles.available().contains(name)
                ? attachment(SelfEvaluationWorkbook.write(working ? drafts.withDeviationReasons(data) : data, ScoringProfiles.load(name)),
                        XLSX, code + "-" + year + "-自评表.xlsx")
                : HttpResponse.badRequest(Map.of("message", "profile: unknown scoring profile \"" + name + "\"; available: "
                        + ScoringProfiles.available())));
    }

    /** The department-year for a reader allowed to read it; 401 or 404 with the reason otherwise. */
    private HttpResponse<?> readable(@Nullable Authentication authentication, String code, int year,
                                     Function<YearData, HttpResponse<?>> respond) {
        Access.readPublished(Caller.of(authentication), publicRead);
        return reader.read(code, year).<HttpResponse<?>>map(respond)
                .orElseGet(() -> HttpResponse.notFound(Map.of("message", "no department-year " + code + " " + year + " is stored")));
    }

    private static HttpResponse<?> attachment(byte[] bytes, MediaType type, String fileName) {
        String encoded = java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return HttpResponse.ok(bytes).contentType(type)
                .header("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''" + encoded);
    }
}
