/**
 * Performance indicators (绩效指标) of self-evaluation tables: reading the free-text target and
 * actual values ({@link org.budgetnarrator.drafting.indicator.IndicatorValueParser}), comparing
 * them ({@link org.budgetnarrator.drafting.indicator.IndicatorEvaluator}) and suggesting the
 * score a scoring profile gives ({@link org.budgetnarrator.drafting.indicator.SelfEvaluation}).
 *
 * <p>Plain Java on purpose: the rules are pure functions of the printed texts, so they are tested
 * without a Micronaut context and can be called from the API, the drafting templates and the
 * checks alike. Money and percentages stay {@code BigDecimal}; rounding (HALF_UP, 四舍五入)
 * happens once, when a ratio or a score is reported.
 */
package org.budgetnarrator.drafting.indicator;
