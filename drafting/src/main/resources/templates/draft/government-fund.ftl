<#-- 七、政府性基金预算财政拨款收入支出决算情况说明 -->
<#if missing??>${missing}<#elseif none>本单位当年无政府性基金预算财政拨款收入支出。<#else>${year}年度政府性基金预算财政拨款收入${income}${unit}，支出${expenditure}${unit}。</#if>
