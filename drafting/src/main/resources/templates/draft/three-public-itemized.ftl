<#-- 七、财政拨款“三公”经费支出决算情况说明, itemized: each item's completion and change in (一), shares and parts in (二) -->
<#macro change c><#if c.flat>与上年持平<#else>较上年${c.word}${c.amount}${unit}<#if c.rate??>，${c.rateWord}${c.rate}%</#if></#if></#macro>
<#if missing??>${missing}<#elseif none>本单位当年无财政拨款“三公”经费支出。<#else>
（一）“三公”经费财政拨款支出决算总体情况说明
<#if total??>${year}年度“三公”经费财政拨款支出<#if total.budget??>预算为${total.budget}${unit}，</#if>支出决算为${total.actual}${unit}<#if total.completion??>，完成预算的${total.completion}%</#if><#if items?has_content>，其中：<#list items as i>${i.name}支出决算为${i.actual}${unit}<#if i.budgeted && i.completion??>，完成预算的${i.completion}%</#if><#sep>；</#list></#if>。<#if total.budgetReasons??>“三公”经费财政拨款支出决算数${total.compare}预算数的主要原因是：${total.budgetReasons}。</#if><#list items as i><#if i.budgetReasons??>${i.name}决算数${i.compare}预算数的主要原因是：${i.budgetReasons}。</#if></#list>
<#if total.change??><#assign changed = items?filter(i -> i.change??)>“三公”经费财政拨款支出决算数<@change total.change/><#if changed?has_content>，其中：<#list changed as i>${i.name}支出<@change i.change/><#sep>；</#list></#if>。<#if total.previousReasons??>“三公”经费财政拨款支出决算数较上年${total.change.word}的主要原因是：${total.previousReasons}。</#if><#list items as i><#if i.previousReasons??>${i.name}支出${i.change.word}的主要原因是：${i.previousReasons}。</#if></#list>
</#if></#if>
（二）“三公”经费财政拨款支出决算具体情况说明
<#if !spent>本部门${year}年度无“三公”经费财政拨款支出。<#else><#if items?filter(i -> i.share??)?has_content>“三公”经费财政拨款支出决算中，<#list items as i>${i.name}支出决算${i.actual}${unit}<#if i.share??>，占${i.share}%</#if><#sep>；</#list>。具体情况如下：
</#if><#list items as i>
${i?counter}.${i.name}支出${i.actual}${unit}。<#if i.statedParts?has_content>其中：<#list i.statedParts as p>${p.name}${p.actual}${unit}<#sep>；</#list>。</#if><#if i.reception><#if i.groups?? || i.persons??>全年公务接待<#if i.groups??>${i.groups}批次</#if><#if i.persons??><#if i.groups??>、</#if>${i.persons}人次</#if><#if i.foreignBatches?? || i.foreignPersons??>，其中：接待外宾<#if i.foreignBatches??>${i.foreignBatches}批次</#if><#if i.foreignPersons??><#if i.foreignBatches??>、</#if>${i.foreignPersons}人次</#if></#if>。</#if><#elseif i.groups?? || i.persons??>全年安排因公出国（境）团组<#if i.groups??>${i.groups}个</#if><#if i.persons??><#if i.groups??>、</#if>累计${i.persons}人次</#if>。</#if><#if i.vehicles??>截至${year}年12月31日，开支财政拨款的公务用车保有量为${i.vehicles}辆。</#if>
</#list></#if>
</#if>
