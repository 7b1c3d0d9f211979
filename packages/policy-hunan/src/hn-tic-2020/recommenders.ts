import type { RecommendationPolicy } from "@kechuang/domain";
import { cite } from "./citation";

/**
 * 五(一): "符合条件的单位经市州政府推荐后向省科技厅提出建设意向" — the 14 市州 governments recommend (GB/T 2260
 * codes). The clause's other route, 定向组织 by the department itself, has no recommender and is not modelled.
 */
export const hnRecommendation: RecommendationPolicy = {
  citation: cite("五(一)", "符合条件的单位经市州政府推荐后向省科技厅提出建设意向"),
  bodies: [
    { code: "430100", name: { zh: "长沙市人民政府", en: "Changsha Municipal Government" } },
    { code: "430200", name: { zh: "株洲市人民政府", en: "Zhuzhou Municipal Government" } },
    { code: "430300", name: { zh: "湘潭市人民政府", en: "Xiangtan Municipal Government" } },
    { code: "430400", name: { zh: "衡阳市人民政府", en: "Hengyang Municipal Government" } },
    { code: "430500", name: { zh: "邵阳市人民政府", en: "Shaoyang Municipal Government" } },
    { code: "430600", name: { zh: "岳阳市人民政府", en: "Yueyang Municipal Government" } },
    { code: "430700", name: { zh: "常德市人民政府", en: "Changde Municipal Government" } },
    { code: "430800", name: { zh: "张家界市人民政府", en: "Zhangjiajie Municipal Government" } },
    { code: "430900", name: { zh: "益阳市人民政府", en: "Yiyang Municipal Government" } },
    { code: "431000", name: { zh: "郴州市人民政府", en: "Chenzhou Municipal Government" } },
    { code: "431100", name: { zh: "永州市人民政府", en: "Yongzhou Municipal Government" } },
    { code: "431200", name: { zh: "怀化市人民政府", en: "Huaihua Municipal Government" } },
    { code: "431300", name: { zh: "娄底市人民政府", en: "Loudi Municipal Government" } },
    {
      code: "433100",
      name: {
        zh: "湘西土家族苗族自治州人民政府",
        en: "Xiangxi Tujia and Miao Autonomous Prefecture Government",
      },
    },
  ],
};
