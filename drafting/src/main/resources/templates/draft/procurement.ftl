<#-- 十一、政府采购支出说明 -->
<#if none>本部门当年无政府采购支出。<#else>本部门${year}年度政府采购支出总额${total}${unit}，其中：政府采购货物支出${goods}${unit}、政府采购工程支出${works}${unit}、政府采购服务支出${services}${unit}。<#if sme??>授予中小企业合同金额${sme}${unit}<#if smeShare??>，占政府采购支出总额的${smeShare}%</#if><#if micro??>，其中：授予小微企业合同金额${micro}${unit}<#if microShare??>，占授予中小企业合同金额的${microShare}%</#if></#if>。</#if></#if>
