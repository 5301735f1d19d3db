<#-- 预算安排情况：by nature and by source, as declared; nothing of execution -->
<#if total??>${year}年度部门预算支出${total}${unit}<#if uses?has_content>，其中：<#list uses as u>${u.name}${u.amount}${unit}<#if u.share??>，占${u.share}%</#if><#sep>；</#list></#if>。</#if><#if sources?has_content>按资金来源分，<#list sources as s>${s.name}${s.amount}${unit}<#sep>，</#list>。</#if>
<#if projectCount??>预算项目共${projectCount}个，预算资金合计${projectTotal}${unit}<#if projectCurrentYear??>，其中当年财政拨款${projectCurrentYear}${unit}<#elseif allCurrentYear??>，均为当年财政拨款</#if>。</#if>
<#if missing??>${missing}</#if>
