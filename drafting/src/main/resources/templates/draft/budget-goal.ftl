<#-- 年度总体绩效目标：as the declaration states it -->
<#if goal??>${goal}<#else>${missing}</#if>
