package org.budgetnarrator.model.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.math.BigDecimal;

/**
 * One department in one fiscal year, with the figures that are not held in a table: the budget totals
 * of a self-evaluation, the previous year's totals where only those are known, office running costs,
 * procurement, and the self-evaluation's summary text. Money in 万元.
 */
@MappedEntity("department_year")
public record DepartmentYear(
        @Id @GeneratedValue Long id,
        @Nullable Long departmentId,
        @Nullable @MappedProperty("fiscal_year") Integer year,
        @Nullable String stage,
        @Nullable String moneyUnit,
        @Nullable String sourceName,
        @Nullable String importedAt,
        @Nullable BigDecimal initialBudget,
        @Nullable BigDecimal adjustedBudget,
        @Nullable BigDecimal executed,
        @Nullable BigDecimal basicExpenditure,
        @Nullable BigDecimal projectExpenditure,
        @Nullable BigDecimal businessExpenditure,
        @Nullable BigDecimal fundFiscalAppropriation,
        @Nullable BigDecimal fundGeneralBudget,
        @Nullable BigDecimal fundGovernmentFund,
        @Nullable BigDecimal fundSpecialAccount,
        @Nullable BigDecimal fundOther,
        @Nullable Integer subUnitCount,
        @Nullable BigDecimal previousTotalIncome,
        @Nullable BigDecimal previousTotalExpenditure,
        @Nullable BigDecimal previousFiscalIncome,
        @Nullable BigDecimal previousFiscalExpenditure,
        @Nullable BigDecimal previousGeneralBudgetExpenditure,
        @Nullable BigDecimal officeRunningCost,
        @Nullable BigDecimal previousOfficeRunningCost,
        @Nullable BigDecimal procurementTotal,
        @Nullable BigDecimal procurementGoods,
        @Nullable BigDecimal procurementWorks,
        @Nullable BigDecimal procurementServices,
        @Nullable BigDecimal procurementSme,
        @Nullable BigDecimal procurementMicro,
        @Nullable @MappedProperty("equipment_over_1m") Integer equipmentOver1m,
        @Nullable Integer evaluatedProjects,
        @Nullable BigDecimal evaluatedAmount,
        @Nullable BigDecimal evaluatedShare,
        @Nullable BigDecimal budgetExecutionWeight,
        @Nullable BigDecimal budgetExecutionScore,
        @Nullable BigDecimal totalScore,
        @Nullable String overallGoal,
        @Nullable String overallOutcome,
        @Nullable String deviationAnalysis,
        @Nullable String improvementPlan) {
}
