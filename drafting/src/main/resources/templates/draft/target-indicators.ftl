<#-- 部门整体绩效指标：each with its annual target (年度指标值) -->
<#if rows?has_content><#list rows as r>
（${r?counter}）${r.name}<#if r.level1??>（${r.level1}<#if r.level2??>—${r.level2}</#if>）</#if>：<#if r.target??>年度指标值为“${r.target}”。<#else>${r.gap}</#if>
</#list><#else>${missing}</#if>
