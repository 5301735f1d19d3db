<#-- 年度重点工作任务及项目绩效目标：each project as declared -->
<#if tasks?has_content><#list tasks as t>
（${t?counter}）${t.name}<#if t.code??>（项目编码${t.code}）</#if>：<#if t.budget??>预算${t.budget}${t.unit}<#if t.fundCurrentYear??>，其中当年财政拨款${t.fundCurrentYear}${t.unit}<#elseif t.allCurrentYear??>，均为当年财政拨款</#if>。</#if><#if t.purpose??>主要实施内容：${t.purpose}。</#if><#if t.goal??>绩效目标：${t.goal}。</#if><#if t.plan?has_content>资金支出计划：<#list t.plan as p>${p.month}月底前支出${p.rate}%<#sep>，</#list>。</#if><#if t.indicators?has_content>绩效指标：<#list t.indicators as i>${i.name}<#if i.target??>“${i.target}”<#else>${i.gap}</#if><#sep>；</#list>。</#if>
</#list><#else>${missing}</#if>
