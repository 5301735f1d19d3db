package org.budgetnarrator.api.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.budgetnarrator.api.security.Access;
import org.budgetnarrator.drafting.audit.AuditService;
import org.budgetnarrator.drafting.audit.Deadline;
import org.budgetnarrator.drafting.audit.Finding;
import org.budgetnarrator.drafting.audit.Subject;
import org.budgetnarrator.model.domain.Department;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.repo.DepartmentRepository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** DepartmentYear.audit and the audit mutations; findings as maps shaped like the schema's AuditFinding. */
@Singleton
public class AuditFetchers {

    private final AuditService audits;
    private final DepartmentRepository departments;
    private final Executor executor;

    public AuditFetchers(AuditService audits, DepartmentRepository departments, @Named(TaskExecutors.BLOCKING) Executor executor) {
        this.audits = audits;
        this.departments = departments;
        this.executor = executor;
    }

    /** The request's deadline (BlockingGraphQLInvocation sets it), which the audit and the check poll. */
    private static Deadline deadline(DataFetchingEnvironment env) {
        Deadline deadline = env.getGraphQlContext().get(Deadline.class);
        return deadline != null ? deadline : Deadline.none();
    }

    DataFetcher<CompletableFuture<List<Map<String, Object>>>> audit() {
        return env -> {
            DepartmentYear year = env.getSource();
            String severity = env.getArgument("severity");
            Deadline deadline = deadline(env);
            return Blocking.run(() -> {
                Department department = departments.findByIdIn(List.of(year.departmentId())).get(0);
                // The findings rest on published data; the officers' verdicts on them are the department's working data.
                boolean verdicts = Access.mayWorkOn(Access.caller(env), department.code());
                return audits.audit(department.code(), year.year(), deadline).orElse(List.of()).stream()
                        .filter(r -> severity == null || r.finding().severity().name().equals(severity))
                        .map(r -> finding(verdicts ? r : new AuditService.Reviewed(r.finding(), null))).toList();
            }, executor);
        };
    }

    DataFetcher<CompletableFuture<List<Map<String, Object>>>> checkNarrative() {
        return env -> {
            String code = env.getArgument("departmentCode");
            int year = env.getArgument("year");
            String text = env.getArgument("text");
            Deadline deadline = deadline(env);
            return Blocking.run(() -> audits.checkText(code, year, text, deadline)
                    .orElseThrow(() -> new NotFoundException("no department-year " + code + " " + year + " is stored"))
                    .stream().map(AuditFetchers::finding).toList(), executor);
        };
    }

    DataFetcher<CompletableFuture<Map<String, Object>>> reviewFinding() {
        return env -> {
            String code = env.getArgument("departmentCode");
            int year = env.getArgument("year");
            String fingerprint = env.getArgument("fingerprint");
            String status = env.getArgument("status");
            String note = env.getArgument("note");
            Deadline deadline = deadline(env);
            return Blocking.run(() -> {
                if (audits.data(code, year).isEmpty()) {
                    throw new NotFoundException("no department-year " + code + " " + year + " is stored");
                }
                return audits.review(code, year, fingerprint, status, note, Access.username(env), deadline).map(AuditFetchers::finding)
                        .orElseThrow(() -> new NotFoundException("the audit of " + code + " " + year + " has no finding " + fingerprint));
            }, executor);
        };
    }

    static Map<String, Object> finding(AuditService.Reviewed reviewed) {
        Finding f = reviewed.finding();
        Map<String, Object> out = new HashMap<>();
        out.put("ruleId", f.ruleId());
        out.put("severity", f.severity().name());
        out.put("message", f.messageZh());
        out.put("messageEn", f.messageEn());
        out.put("expected", f.expected());
        out.put("found", f.found());
        out.put("fingerprint", f.fingerprint());
        out.put("subjects", f.subjects().stream().map(AuditFetchers::subject).toList());
        if (reviewed.review() != null) {
            Map<String, Object> review = new HashMap<>();
            review.put("status", reviewed.review().status());
            review.put("note", reviewed.review().note());
            review.put("reviewedBy", reviewed.review().reviewedBy());
            review.put("reviewedAt", reviewed.review().reviewedAt());
            out.put("review", review);
        }
        return out;
    }

    private static Map<String, Object> subject(Subject s) {
        Map<String, Object> out = new HashMap<>();
        out.put("table", s.table());
        out.put("code", s.code());
        out.put("field", s.field());
        out.put("document", s.document());
        out.put("offset", s.offset());
        out.put("length", s.length());
        return out;
    }
}
