<#-- 十三、预算绩效情况说明 -->
<#if managed>
<#if stages?has_content>本部门${year}年度全过程绩效管理实施情况：<#list stages as s>${s.name}的${year}年度项目${s.count}个<#if s.amount??>，涉及预算金额${s.amount}${unit}</#if><#sep>；</#list><#if grades?has_content>（其中，<#list grades as g>绩效评级为“${g.name}”的项目${g.count}个<#sep>；</#list>）</#if>。<#elseif grades?has_content>本部门${year}年度绩效自评项目中，<#list grades as g>绩效评级为“${g.name}”的项目${g.count}个<#sep>；</#list>。</#if><#if problems??>绩效自评中共发现问题${problems}个<#if rectified??>，已经完成整改的${rectified}个</#if><#if rectifying??>，正在整改的${rectifying}个</#if>。</#if>
</#if>
<#if hasProjects>
（一）预算绩效管理工作开展情况
根据预算绩效管理要求，本部门组织对${year}年度一般公共预算项目支出全面开展绩效自评，共涉及项目${count}个，资金${amount}${unit}<#if share??>，占一般公共预算项目支出总额的${share}%</#if>。
（二）部门决算中项目绩效自评结果
本部门今年在部门决算中反映所有项目绩效自评结果<#if excluded?has_content>（<#list excluded as e>${e.name}项目${e.executed}${unit}<#sep>、</#list>除外）</#if>。
<#list projects as p>
${p.name}项目绩效自评综述：项目全年预算数为${p.budget}${unit}，执行数为${p.executed}${unit}<#if p.completion??>，完成预算${p.completion}%</#if>。<#if p.outcome??>主要产出和效益：${p.outcome}。</#if><#if p.problems??>发现的问题及原因：${p.problems}。</#if><#if p.measures??>下一步改进措施：${p.measures}。</#if>
</#list>
<#elseif !managed>本部门当年无需开展绩效自评的项目支出。</#if>
