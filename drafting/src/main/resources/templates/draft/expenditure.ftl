<#-- 三、支出决算情况说明 -->
<#if !hasAccounts && !hasIncomes>本部门尚未录入${year}年度部门决算数据。<#else>${year}年度支出合计${total}${unit}<#if change??>，与${prevYear}年度相比，<#if change.flat>支出合计持平<#else>支出合计${change.word}${change.amount}${unit}<#if change.rate??>，${change.rateWord}${change.rate}%</#if></#if></#if>。其中：<#list lines as l>${l.name}${l.amount}${unit}<#if l.share??>，占本年支出${l.share}%</#if><#sep>；</#list>。</#if>
