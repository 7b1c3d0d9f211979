import type { RecommendationPolicy } from "@kechuang/domain";
import { cite } from "./citation";

/**
 * 三(四)1: "由盟市政府、自治区有关部门等推荐提出建设意向" — the 12 盟市 governments (GB/T 2260 codes) and the
 * region's departments, which recommend as one body under the region's own code (150000).
 */
export const nmRecommendation: RecommendationPolicy = {
  citation: cite("三(四)1", "技术创新中心由盟市政府、自治区有关部门等推荐提出建设意向"),
  bodies: [
    { code: "150100", name: { zh: "呼和浩特市人民政府", en: "Hohhot Municipal Government" } },
    { code: "150200", name: { zh: "包头市人民政府", en: "Baotou Municipal Government" } },
    { code: "150300", name: { zh: "乌海市人民政府", en: "Wuhai Municipal Government" } },
    { code: "150400", name: { zh: "赤峰市人民政府", en: "Chifeng Municipal Government" } },
    { code: "150500", name: { zh: "通辽市人民政府", en: "Tongliao Municipal Government" } },
    { code: "150600", name: { zh: "鄂尔多斯市人民政府", en: "Ordos Municipal Government" } },
    { code: "150700", name: { zh: "呼伦贝尔市人民政府", en: "Hulunbuir Municipal Government" } },
    { code: "150800", name: { zh: "巴彦淖尔市人民政府", en: "Bayannur Municipal Government" } },
    { code: "150900", name: { zh: "乌兰察布市人民政府", en: "Ulanqab Municipal Government" } },
    { code: "152200", name: { zh: "兴安盟行政公署", en: "Hinggan League Administrative Office" } },
    { code: "152500", name: { zh: "锡林郭勒盟行政公署", en: "Xilingol League Administrative Office" } },
    { code: "152900", name: { zh: "阿拉善盟行政公署", en: "Alxa League Administrative Office" } },
    { code: "150000", name: { zh: "自治区有关部门", en: "Departments of the Autonomous Region" } },
  ],
};
