<#-- 偏差原因分析及改进措施：每个未完成年度指标值的指标 -->
<#if rows?has_content><#list rows as r>
${r?counter}.${r.name}：年度指标值为“${r.target}”，实际完成值为“${r.actual}”，未完成年度指标值。<#if r.reasons??>偏差原因：${r.reasons}。</#if><#if r.measures??>改进措施：${r.measures}。</#if>
</#list><#elseif !unknown??>各项绩效指标均已完成年度指标值，无偏差。</#if><#if unknown??>
${unknown}</#if>
