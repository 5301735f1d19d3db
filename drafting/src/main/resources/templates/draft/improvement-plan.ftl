<#-- 改进措施及结果应用方案 -->
<#if measures??>${measures}。</#if>
<#if improvementPlan??>${improvementPlan}</#if>
<#if !measures?? && !improvementPlan??>将绩效评价结果作为以后年度编制预算的重要依据，建立健全资金分配与绩效评价结果挂钩机制。</#if>
