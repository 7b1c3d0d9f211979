import type { RecommendationPolicy } from "@kechuang/domain";

/**
 * 二(二) puts pool entry on the city's departments "and the county governments, each within its duties"
 * (the source prints 各县()人民政府, the 区 lost in publication). The competent city departments (the
 * 附件's 责任部门) recommend as one body under the city's own code; the six counties and districts by their
 * GB/T 2260 codes. The development zones' 管委会 have no division code and are not listed.
 */
export const asRecommendation: RecommendationPolicy = {
  citation: {
    source: "as-plat-2021",
    clause: "二(二)",
    quote:
      "市科技局、市民政局、市发展改革委、市工业和信息化局、市财政局等部门,各县()人民政府按照职能职责分工负责",
  },
  bodies: [
    { code: "520400", name: { zh: "安顺市直有关部门", en: "Competent departments of Anshun City" } },
    { code: "520402", name: { zh: "西秀区人民政府", en: "Xixiu District Government" } },
    { code: "520403", name: { zh: "平坝区人民政府", en: "Pingba District Government" } },
    { code: "520422", name: { zh: "普定县人民政府", en: "Puding County Government" } },
    {
      code: "520423",
      name: {
        zh: "镇宁布依族苗族自治县人民政府",
        en: "Zhenning Buyei and Miao Autonomous County Government",
      },
    },
    {
      code: "520424",
      name: {
        zh: "关岭布依族苗族自治县人民政府",
        en: "Guanling Buyei and Miao Autonomous County Government",
      },
    },
    {
      code: "520425",
      name: { zh: "紫云苗族布依族自治县人民政府", en: "Ziyun Miao and Buyei Autonomous County Government" },
    },
  ],
};
