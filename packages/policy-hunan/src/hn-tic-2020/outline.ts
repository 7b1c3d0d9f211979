import type { LocalizedText, OutlineSection, PlanOutline } from "@kechuang/domain";
import { hnRules } from "./rules";

/** A leaf section is one required long text; the 附件's parenthetical notes become its help text. */
const leaf = (number: string, id: string, title: LocalizedText, help?: LocalizedText): OutlineSection => ({
  number,
  id,
  title,
  fields: [{ id: "content", label: title, type: "longtext", required: true, ...(help ? { help } : {}) }],
});

const group = (
  number: string,
  id: string,
  title: LocalizedText,
  children: OutlineSection[],
): OutlineSection => ({
  number,
  id,
  title,
  fields: [],
  children,
});

/** 附件 湖南省技术创新中心建设方案编写提纲: sections 一–七 with sub-sections 1.1–7.3 as numbered there. */
export const hnOutline: PlanOutline = {
  ruleId: hnRules.outline.id,
  sections: [
    group("一", "foundation", { zh: "建设基础和重要意义", en: "Foundation and significance" }, [
      leaf("1.1", "trends", {
        zh: "国内外相关技术、产业发展现状与趋势",
        en: "State and trends of the technology and industry at home and abroad",
      }),
      leaf("1.2", "provincial-status", {
        zh: "我省相关技术、产业发展现状及存在的问题",
        en: "State and problems of the technology and industry in Hunan",
      }),
      leaf("1.3", "necessity", {
        zh: "建立技术创新中心的必要性和意义",
        en: "Necessity and significance of the center",
      }),
      leaf("1.4", "advantages", {
        zh: "建立技术创新中心的产业、区位、资金、技术储备、研发条件等基础与优势",
        en: "Foundations and advantages: industry, location, funds, technology reserves, R&D conditions",
      }),
      leaf(
        "1.5",
        "key-people",
        { zh: "技术创新中心负责人及主要骨干人员情况", en: "The center's head and key staff" },
        {
          zh: "包括从事过的主要研究任务及所负责任和作用，主要研究成果、发明专利、获奖情况和成果推广情况，特别是与技术创新中心相关的研究成果情况介绍",
          en: "Main research tasks and their roles in them; main results, invention patents, awards and diffusion of results, especially results related to the center",
        },
      ),
    ]),
    group("二", "approach", { zh: "总体思路", en: "Overall approach" }, [
      leaf("2.1", "guiding-ideas", { zh: "技术创新中心的指导思想", en: "Guiding ideas" }),
      leaf("2.2", "positioning", { zh: "技术创新中心战略定位", en: "Strategic positioning" }),
      leaf("2.3", "principles", { zh: "技术创新中心建设原则", en: "Construction principles" }),
      leaf("2.4", "goals", { zh: "技术创新中心发展目标", en: "Development goals" }),
    ]),
    group("三", "layout", { zh: "建设布局", en: "Layout" }, [
      leaf(
        "3.1",
        "parties",
        { zh: "技术创新中心组建各方的权利与义务", en: "Rights and duties of the founding parties" },
        {
          zh: "包括组建各方在技术创新中心中的定位、角色，权利和义务等",
          en: "Each party's position, role, rights and duties in the center",
        },
      ),
      leaf(
        "3.2",
        "organization",
        { zh: "技术创新中心的机构设置", en: "Organization" },
        {
          zh: "包括董事会或理事会设置、专家委员会、部门设置、专业化创新研发机构等",
          en: "Board, expert committee, departments, specialized R&D institutions",
        },
      ),
      leaf("3.3", "resources", { zh: "创新资源布局", en: "Layout of innovation resources" }),
    ]),
    group("四", "tasks", { zh: "建设任务", en: "Construction tasks" }, [
      leaf(
        "4.1",
        "near-term-tasks",
        { zh: "技术创新中心近3年具体建设任务", en: "Tasks for the next three years" },
        {
          zh: "技术创新中心近期在技术创新方面拟实施的重点任务，包括创新条件建设、创新人才集聚、重点研发项目部署等",
          en: "Near-term key tasks: innovation facilities, gathering talent, key R&D projects",
        },
      ),
      leaf(
        "4.2",
        "strategy",
        { zh: "技术创新中心中长期发展战略", en: "Medium- and long-term strategy" },
        {
          zh: "未来3—5年、5—10年技术创新中心发展战略，及该战略对创新中心总体发展目标的支撑情况",
          en: "Strategy for the next 3–5 and 5–10 years and how it supports the center's overall goals",
        },
      ),
      leaf(
        "4.3",
        "market",
        { zh: "预期成果的市场情况或技术成果转化分析", en: "Market or transfer analysis of expected results" },
        {
          zh: "研究成果的主要应用领域和国内市场分析、预期成果的主要用户、产业化和市场前景、经济效益分析等",
          en: "Main applications and domestic market, expected users, industrialization and market outlook, economic benefits",
        },
      ),
    ]),
    group("五", "mechanisms", { zh: "管理运行机制", en: "Management and operation" }, [
      leaf(
        "5.1",
        "management",
        { zh: "管理机制", en: "Management mechanism" },
        {
          zh: "包括治理结构、资金投入、人员管理、业务模式与成果管理、收益分配与激励、项目管理机制等，以及技术研发、技术转让、专利保护、知识产权保护等规定",
          en: "Governance, funding, staff, business model and results, income sharing and incentives, project management; rules on R&D, transfer, patents and IP",
        },
      ),
      leaf(
        "5.2",
        "operation",
        { zh: "运营机制", en: "Operating mechanism" },
        {
          zh: "包括市场化运行机制、产学研协同创新机制、知识产权共享及转化机制等",
          en: "Market-based operation, industry–academia–research collaboration, IP sharing and transfer",
        },
      ),
    ]),
    leaf(
      "六",
      "safeguards",
      { zh: "保障措施", en: "Safeguards" },
      {
        zh: "从政策、技术、产业、人才、资金等方面提出技术创新中心建设的保障措施。",
        en: "Safeguards for building the center: policy, technology, industry, talent, funds.",
      },
    ),
    group("七", "timeline", { zh: "进度安排", en: "Timeline" }, [
      leaf("7.1", "period", { zh: "建设周期", en: "Construction period" }),
      leaf(
        "7.2",
        "budget",
        { zh: "建设资金经费预算", en: "Budget" },
        {
          zh: "包括投资估算、资金来源、投资计划等",
          en: "Investment estimate, sources of funds, investment plan",
        },
      ),
      leaf(
        "7.3",
        "economic-benefits",
        { zh: "预计经济效益分析", en: "Expected economic benefits" },
        {
          zh: "通过成果转化、产业化等实现的经济效益",
          en: "Benefits from transfer and industrialization of results",
        },
      ),
    ]),
  ],
};
