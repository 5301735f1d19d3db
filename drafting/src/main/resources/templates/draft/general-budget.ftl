<#-- 五、一般公共预算财政拨款支出决算情况说明 -->
<#if !hasAccounts>本部门尚未录入${year}年度一般公共预算财政拨款支出决算数据。<#else>
（一）一般公共预算财政拨款支出决算总体情况
${year}年度一般公共预算财政拨款支出${amount}${unit}<#if share??>，占本年支出合计的${share}%</#if>。<#if change??><#if change.flat>与${prevYear}年度持平。<#else>与${prevYear}年度相比，一般公共预算财政拨款支出${change.word}${change.amount}${unit}<#if change.rate??>，${change.rateWord}${change.rate}%</#if>。<#if reasons??>主要原因是：${reasons}。</#if></#if></#if>
（二）一般公共预算财政拨款支出决算结构情况
${year}年度一般公共预算财政拨款支出${amount2}${unit}，主要用于以下方面：
<#list classes as c>
${c?counter}.${c.name}${c.amount}${unit}<#if c.share??>，占${c.share}%</#if>。<#if c.uses??>主要用于${c.uses}。</#if>
</#list>
（三）一般公共预算财政拨款支出决算具体情况
<#if amount3??>${year}年度一般公共预算财政拨款支出<#if initial??>年初预算为${initial}${unit}，</#if><#if adjusted??>全年预算为${adjusted}${unit}，</#if>支出决算为${amount3}${unit}<#if completion??>，完成${completionOf}的${completion}%</#if>。<#if budgetReasons??>决算数${budgetCompare}预算数的主要原因：${budgetReasons}。</#if>其中：</#if>
<#list items as i>
${i?counter}.${i.path}。<#if i.budget??>${i.budgetName}为${i.budget}${unit}，支出决算为${i.actual}${unit}<#if i.completion??>，完成${i.budgetName}的${i.completion}%</#if>。<#if !i.equal && i.reasons??>决算数${i.compare}${i.budgetName}数的主要原因：${i.reasons}。</#if><#else>支出决算为${i.actual}${unit}。</#if>
</#list>
</#if>
