<#-- 十三、预算绩效情况说明 -->
<#if hasProjects>
（一）预算绩效管理工作开展情况
根据预算绩效管理要求，本部门组织对${year}年度一般公共预算项目支出全面开展绩效自评，共涉及项目${count}个，资金${amount}${unit}<#if share??>，占一般公共预算项目支出总额的${share}%</#if>。
（二）部门决算中项目绩效自评结果
本部门今年在部门决算中反映所有项目绩效自评结果<#if excluded?has_content>（<#list excluded as e>${e.name}项目${e.executed}${unit}<#sep>、</#list>除外）</#if>。
<#list projects as p>
${p.name}项目绩效自评综述：项目全年预算数为${p.budget}${unit}，执行数为${p.executed}${unit}<#if p.completion??>，完成预算${p.completion}%</#if>。<#if p.outcome??>主要产出和效益：${p.outcome}。</#if><#if p.problems??>发现的问题及原因：${p.problems}。</#if><#if p.measures??>下一步改进措施：${p.measures}。</#if>
</#list>
<#else>本部门当年无需开展绩效自评的项目支出。</#if>
