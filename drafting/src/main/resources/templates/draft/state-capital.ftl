<#-- 八、国有资本经营预算财政拨款支出决算情况说明 -->
<#if missing??>${missing}<#elseif none>本单位当年无国有资本经营预算财政拨款支出。<#else>${year}年度国有资本经营预算财政拨款收入${income}${unit}，支出${expenditure}${unit}。</#if>
