<#-- 十、机关运行经费支出说明 -->
<#if none>本部门当年无机关运行经费支出。<#else>本部门${year}年度机关运行经费支出${amount}${unit}<#if change??><#if change.flat>，与上年决算数持平<#else>，比上年决算数${change.word}${change.amount}${unit}<#if change.rate??>，${change.rateWord}${change.rate}%</#if></#if></#if>。<#if reasons??>主要原因是：${reasons}。</#if></#if>
