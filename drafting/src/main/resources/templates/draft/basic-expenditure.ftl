<#-- 六、一般公共预算财政拨款基本支出决算情况说明 -->
<#if !hasAccounts>本部门尚未录入${year}年度一般公共预算财政拨款支出决算数据。<#else>
${year}年度一般公共预算财政拨款基本支出${basic}${unit}，其中：
人员经费${personnel}${unit}<#if personnelItems?has_content>，主要包括：${personnelItems}</#if>。
公用经费${operating}${unit}<#if operatingItems?has_content>，主要包括：${operatingItems}</#if>。
</#if>
