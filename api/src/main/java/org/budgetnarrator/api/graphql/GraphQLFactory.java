package org.budgetnarrator.api.graphql;

import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.domain.DataNote;
import org.budgetnarrator.model.domain.Project;
import org.budgetnarrator.model.domain.StoredDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Wires the schema-first GraphQL API: schema.graphqls (the repository root's contract, packaged as a
 * resource) and one fetcher per computed or nested field. Plain fields are record components, read by
 * graphql-java's property fetcher.
 */
@Factory
public class GraphQLFactory {

    @Singleton
    public GraphQL graphQL(ResourceResolver resources, QueryFetchers query, MutationFetchers mutation,
                           DepartmentFetchers department, YearFetchers year, LineFetchers line, ProjectFetchers project,
                           AuditFetchers audit, EvaluationFetchers evaluation, DraftFetchers draft,
                           VersionFetchers versions, UserFetchers users, DraftJobFetchers jobs, SuggestionFetchers suggestions, PublishedTableFetchers published, ReadReportFetchers reading, MutationGuard guard,
                           io.micrometer.core.instrument.MeterRegistry meters, Limits limits) {
        TypeDefinitionRegistry types;
        try (InputStream in = resources.getResourceAsStream("classpath:schema.graphqls")
                .orElseThrow(() -> new IllegalStateException("schema.graphqls is missing from the classpath"))) {
            types = new SchemaParser().parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(Scalars.MONEY)
                .scalar(Scalars.DECIMAL)
                .scalar(Scalars.INT)
                .scalar(Scalars.UPLOAD)
                .type("Query", t -> t
                        .dataFetcher("department", query.department())
                        .dataFetcher("departments", query.departments())
                        .dataFetcher("scoringProfiles", evaluation.profiles())
                        .dataFetcher("me", users.me())
                        .dataFetcher("users", users.list())
                        .dataFetcher("apiTokens", users.tokens())
                        .dataFetcher("reasonCatalogue", draft.catalogue())
                        .dataFetcher("styleProfiles", draft.styles())
                        .dataFetcher("draftJob", jobs.job()))
                .type("Mutation", t -> t
                        .dataFetcher("importDepartmentYear", guard.importing(mutation.importDepartmentYear()))
                        .dataFetcher("checkNarrative", guard.reading("checkNarrative", audit.checkNarrative()))
                        .dataFetcher("readReport", guard.signedInReading(reading.readReport()))
                        .dataFetcher("reviewFinding", guard.edit("reviewFinding", audit.reviewFinding()))
                        .dataFetcher("setReasons", guard.edit("setReasons", draft.setReasons()))
                        .dataFetcher("saveDraft", guard.edit("saveDraft", versions.save()))
                        .dataFetcher("regenerateDraft", guard.edit("regenerateDraft", versions.regenerate()))
                        .dataFetcher("restoreDraftVersion", guard.edit("restoreDraftVersion", versions.restore()))
                        .dataFetcher("freezeReport", guard.edit("freezeReport", versions.freeze()))
                        .dataFetcher("createUser", guard.admin("createUser", users.create()))
                        .dataFetcher("createApiToken", guard.own("createApiToken", users.createToken()))
                        .dataFetcher("revokeApiToken", guard.own("revokeApiToken", users.revokeToken()))
                        .dataFetcher("setUserRole", guard.admin("setUserRole", users.setRole()))
                        .dataFetcher("setUserDisabled", guard.admin("setUserDisabled", users.setDisabled()))
                        .dataFetcher("deleteUser", guard.admin("deleteUser", users.delete()))
                        .dataFetcher("suggestReasons", guard.edit("suggestReasons", suggestions.suggest()))
                        .dataFetcher("startBulkDraft", guard.admin("startBulkDraft", jobs.start())))
                .type("DraftJob", t -> t.dataFetcher("results", jobs.results()))
                .type("DepartmentConnection", t -> t.dataFetcher("totalCount", query.totalCount()))
                .type("Department", t -> t
                        .dataFetcher("budgetUnits", department.budgetUnits())
                        .dataFetcher("years", department.years())
                        .dataFetcher("year", department.year())
                        .dataFetcher("departmentYears", department.departmentYears()))
                .type("DepartmentYear", t -> t
                        .dataFetcher("department", year.department())
                        .dataFetcher("previousYear", year.previousYear())
                        .dataFetcher("summary", year.summary())
                        .dataFetcher("incomes", year.incomes())
                        .dataFetcher("incomeTotal", year.incomeTotal())
                        .dataFetcher("accounts", year.accounts())
                        .dataFetcher("account", year.account())
                        .dataFetcher("publishedTables", published.tables())
                        .dataFetcher("threePublic", year.threePublic())
                        .dataFetcher("vehicles", year.vehicles())
                        .dataFetcher("projects", year.projects())
                        .dataFetcher("indicators", year.indicators())
                        .dataFetcher("documents", year.documents())
                        .dataFetcher("notes", year.notes())
                        .dataFetcher("audit", audit.audit())
                        .dataFetcher("evaluation", evaluation.selfEvaluation())
                        .dataFetcher("draft", draft.draft())
                        .dataFetcher("report", draft.report())
                        .dataFetcher("section", draft.section())
                        .dataFetcher("reasons", draft.reasons())
                        .dataFetcher("proposedReasons", draft.proposedReasons())
                        .dataFetcher("draftVersions", versions.list())
                        .dataFetcher("frozenReports", versions.frozen()))
                .type("SelfEvaluation", t -> t.dataFetcher("budgetExecutionRate", evaluation.budgetExecutionRate()))
                .type("Indicator", t -> t
                        .dataFetcher("targetValue", evaluation.targetValue())
                        .dataFetcher("actualValue", evaluation.actualValue())
                        .dataFetcher("evaluation", evaluation.indicatorEvaluation()))
                .type("YearSummary", t -> t.dataFetcher("executionRate", year.executionRate()))
                .type("IncomeLine", t -> t
                        .dataFetcher("name", line.incomeName())
                        .dataFetcher("yoyChange", line.incomeYoyChange())
                        .dataFetcher("yoyRate", line.incomeYoyRate())
                        .dataFetcher("share", line.incomeShare()))
                .type("AccountLine", t -> t
                        .dataFetcher("level", line.accountLevel())
                        .dataFetcher("derived", line.derived())
                        .dataFetcher("parent", line.parent())
                        .dataFetcher("children", line.children())
                        .dataFetcher("executionRate", line.accountExecutionRate())
                        .dataFetcher("completionOfInitialBudget", line.completionOfInitialBudget())
                        .dataFetcher("previousActual", line.previousActual())
                        .dataFetcher("yoyChange", line.accountYoyChange())
                        .dataFetcher("yoyRate", line.accountYoyRate())
                        .dataFetcher("share", line.share()))
                .type("ThreePublicLine", t -> t
                        .dataFetcher("name", line.threePublicName())
                        .dataFetcher("completionRate", line.completionRate())
                        .dataFetcher("yoyChange", line.threePublicYoyChange())
                        .dataFetcher("yoyRate", line.threePublicYoyRate()))
                .type("ProjectConnection", t -> t
                        .dataFetcher("totalCount", project.totalCount())
                        .dataFetcher("initialBudgetTotal", project.initialBudgetTotal()))
                .type("Project", t -> t
                        .dataFetcher("sourceMoneyUnit", env -> env.<Project>getSource().moneyUnit())
                        .dataFetcher("parent", project.parent())
                        .dataFetcher("subprojects", project.subprojects())
                        .dataFetcher("executionRate", project.executionRate())
                        .dataFetcher("spendingPlan", project.spendingPlan())
                        .dataFetcher("indicators", project.indicators()))
                .type("PublishedTable", t -> t.dataFetcher("row", published.row()))
                .type("PublishedRow", t -> t
                        .dataFetcher("templateName", published.templateName())
                        .dataFetcher("account", published.account())
                        .dataFetcher("cells", published.cells())
                        .dataFetcher("cell", published.cell()))
                .type("StoredDocument", t -> t.dataFetcher("text", (DataFetcher<String>) env -> env.<StoredDocument>getSource().body()))
                .type("DataNote", t -> t.dataFetcher("text", (DataFetcher<String>) env -> env.<DataNote>getSource().body()))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(types, wiring);
        if (!limits.introspection()) {
            // Production can switch introspection off (narrator.graphql.introspection: false).
            GraphQLSchema withoutIntrospection = schema;
            schema = schema.transform(b -> b.codeRegistry(withoutIntrospection.getCodeRegistry().transform(c -> c.fieldVisibility(
                    graphql.schema.visibility.NoIntrospectionGraphqlFieldVisibility.NO_INTROSPECTION_FIELD_VISIBILITY))));
        }
        return GraphQL.newGraphQL(schema)
                .queryExecutionStrategy(new AsyncExecutionStrategy(ErrorHandling.HANDLER))
                .mutationExecutionStrategy(new AsyncSerialExecutionStrategy(ErrorHandling.HANDLER))
                .preparsedDocumentProvider(new DocumentCache())
                .instrumentation(new RequestInstrumentation(new Metrics(meters), limits.cost(), limits.timeout(),
                        new ErrorHandling.Codes(), ArgumentBounds.forSchema(schema)))
                .build();
    }
}
