<#-- 十二、国有资产占用情况说明 -->
<#if hasVehicles>截至${year}年12月31日，本部门共有车辆${vehicles}辆，其中，<#list kinds as k>${k.name}${k.count}辆<#sep>、</#list><#if equipment??>；单位价值100万元以上设备${equipment}台（套）</#if>。<#elseif equipment??>截至${year}年12月31日，本部门无车辆；单位价值100万元以上设备${equipment}台（套）。</#if>
