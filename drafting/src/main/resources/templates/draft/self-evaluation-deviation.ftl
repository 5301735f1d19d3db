<#-- 偏差大或目标未完成原因分析 -->
<#if budget??>${year}年度预算数为${budget}${unit}，执行数为${executed}${unit}<#if completion??>，执行率为${completion}%</#if>。<#if reasons??>主要原因：${reasons}。<#else>支出基本按照预算执行，没有大的偏差。</#if></#if>
<#if deviationAnalysis??>${deviationAnalysis}</#if>
