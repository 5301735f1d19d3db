<#-- 九、财政拨款“三公”经费支出决算情况说明 -->
<#macro item i>
<#if i.budget??>全年预算为${i.budget}${unit}，</#if>支出决算为${i.actual}${unit}<#if i.completion??>，完成全年预算的${i.completion}%</#if>。<#if i.change??><#if i.change.flat>与上年持平。<#else>较上年${i.change.word}${i.change.amount}${unit}<#if i.change.rate??>，${i.change.rateWord}${i.change.rate}%</#if>。</#if></#if><#if i.budgetReasons??>决算数${i.compare}全年预算数的主要原因是：${i.budgetReasons}。</#if><#if i.previousReasons??>决算数较上年${i.change.word}的主要原因是：${i.previousReasons}。</#if>
</#macro>
<#if missing??>${missing}<#elseif none>本单位当年无财政拨款“三公”经费支出。<#else>
（一）“三公”经费财政拨款支出决算总体情况说明
<#if total??>${year}年度“三公”经费财政拨款支出<@item total/></#if>
（二）“三公”经费财政拨款支出决算具体情况说明
<#list items as i>
${i?counter}.${i.name}<@item i/>
<#if i.groups?? || i.persons??><#if i.reception>全年公务接待<#if i.groups??>${i.groups}批次</#if><#if i.persons??><#if i.groups??>、</#if>${i.persons}人次</#if>。<#else>全年支出涉及出国（境）团组<#if i.groups??>${i.groups}个</#if><#if i.persons??>，累计${i.persons}人次</#if>。</#if></#if>
<#if i.parts??><#list i.parts as p>
<#if p.groupsName??>${p.name}${p.actual}${unit}<#if p.groups??>，共接待${p.groupsName}${p.groups}个</#if><#if p.persons??>，${p.persons}人次</#if>。<#else>(${p?counter})${p.name}支出${p.actual}${unit}。</#if>
</#list></#if>
<#if i.vehicles??>截至${year}年12月31日，开支财政拨款的公务用车保有量为${i.vehicles}辆。</#if>
</#list>
</#if>
