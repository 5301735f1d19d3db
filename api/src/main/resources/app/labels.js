// Chinese names of what the API returns in English: fields of the figures, sections, statuses.
export const FIELD_LABELS = {
  actual: '决算数', adjustedBudget: '全年预算数', initialBudget: '年初预算数', previousActual: '上年决算数',
  basic: '基本支出', personnel: '人员经费', operating: '公用经费', project: '项目支出', amount: '金额',
  previousAmount: '上年金额', budget: '预算数', executed: '执行数', remittance: '上缴上级支出', business: '经营支出',
  subsidiary: '对附属单位补助支出', generalBudget: '一般公共预算财政拨款', governmentFund: '政府性基金预算财政拨款',
  stateCapital: '国有资本经营预算财政拨款', target: '年度指标值', score: '得分', weight: '分值', count: '数量',
  totalIncome: '收入总计', totalExpenditure: '支出总计', yoyChange: '增减额', yoyRate: '增减率', share: '占比',
  executionRate: '执行率', completionRate: '完成率',
};

// The order of a published 情况说明, then the self-evaluation's blocks and a budget year's targets (SectionKind); a
// year's document holds only some of them, and the others are refused (SECTION_NOT_HELD) and not shown.
export const SECTION_ORDER = ['TOTALS', 'INCOME', 'EXPENDITURE', 'FISCAL_TOTALS', 'GENERAL_BUDGET', 'BASIC_EXPENDITURE',
  'GOVERNMENT_FUND', 'STATE_CAPITAL', 'THREE_PUBLIC', 'OFFICE_RUNNING_COST', 'PROCUREMENT', 'ASSETS', 'PERFORMANCE',
  'INDICATOR_DEVIATIONS', 'SELF_EVALUATION_DEVIATION', 'IMPROVEMENT_PLAN',
  'BUDGET_GOAL', 'BUDGET_FUNDS', 'KEY_TASKS', 'TARGET_INDICATORS'];

export const STATUS_LABELS = { MET: '达到', EXCEEDED: '超过', NOT_MET: '未达到', NOT_COMPARABLE: '无法比较', UNPARSED: '无法识别' };
export const SEVERITY_LABELS = { ERROR: '错误', ROUNDING: '舍入', WARNING: '提示' };
export const REVIEW_LABELS = { ACCEPTED: '已确认', FALSE_ALARM: '已标为误报' };
