<#-- 改进措施及结果应用方案 -->
<#if measures??>${measures}。</#if>
<#if improvementPlan??>${improvementPlan}</#if>
<#if !measures?? && !improvementPlan??>${missing}</#if>
