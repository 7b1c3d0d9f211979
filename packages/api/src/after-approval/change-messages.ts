import type { ChangePayload, LocalizedText } from "@kechuang/domain";

/** Server words of change requests (issue 11), both locales. */
export const changeMessages = {
  noProcedure: {
    zh: "该平台所依据的政策未规定变更程序，无法在此提交变更",
    en: "The policy this platform was approved under lays down no change procedure",
  },
  unknownKind: (id: string): LocalizedText => ({
    zh: `该政策没有此类变更：${id}`,
    en: `The policy has no change of this kind: ${id}`,
  }),
  payloadRequired: {
    zh: "此类变更须填写变更后的内容",
    en: "This kind of change needs the new value",
  },
  payloadNotAllowed: {
    zh: "此类变更只以文字说明，不填写变更内容",
    en: "This kind of change is described in words only; it takes no new value",
  },
  wrongSubject: (subject: string): LocalizedText => ({
    zh: `此类变更不涉及“${subject}”`,
    en: `This kind of change does not touch “${subject}”`,
  }),
  alreadyPending: (kind: LocalizedText): LocalizedText => ({
    zh: `已有一项“${kind.zh}”的变更正在等待批复，请待其批复后再提交`,
    en: `A “${kind.en}” change is already waiting for approval; wait for its decision before filing another`,
  }),
  delisted: { zh: "平台已被撤销，不能再提交变更", en: "The platform was revoked; it can file no change" },
  notFound: { zh: "未找到该变更申请", en: "No such change request" },
  notPending: { zh: "该变更申请已处理", en: "This change request was already decided" },
  /** An approval re-checks the rules on the state of the decision day, which may have moved since filing. */
  cannotApprove: {
    zh: "按今天的治理结构，此项变更生效后将不符合以下规定，不能批准",
    en: "On today's governance this change would break these rules; it cannot be approved",
  },
  reasonRequired: { zh: "不予批准须写明理由", en: "A rejection needs a reason" },
} as const;

const formationModes = {
  "leading-enterprise": { zh: "龙头企业牵头", en: "Led by a leading enterprise" },
  "enterprise-alliance": { zh: "企业联合", en: "Enterprise alliance" },
  "academia-led": { zh: "高校院所牵头", en: "Led by universities and institutes" },
} as const;

const both = (zh: string, en: string): LocalizedText => ({ zh, en });
const names = (rows: readonly { name: string }[], sep: string) => rows.map((r) => r.name).join(sep);

/** One line per part for the change lists (before → after); null: a change described in words only. */
export function summarizePart(part: ChangePayload | null): LocalizedText | null {
  if (!part) return null;
  switch (part.subject) {
    case "director": {
      const d = part.director;
      const org = d.organization ? `（${d.organization}）` : "";
      const time =
        d.fullTime === undefined
          ? ["", ""]
          : d.fullTime
            ? ["，全职", ", full-time"]
            : ["，兼职", ", part-time"];
      const months =
        d.monthsPerYearAtCenter === undefined
          ? ["", ""]
          : [`，每年在中心 ${d.monthsPerYearAtCenter} 个月`, `, ${d.monthsPerYearAtCenter} months a year`];
      return both(`${d.name}${org}${time[0]}${months[0]}`, `${d.name}${org}${time[1]}${months[1]}`);
    }
    case "board":
      return both(
        `理事会 ${part.members.length} 人：${names(part.members, "、")}`,
        `Board of ${part.members.length}: ${names(part.members, ", ")}`,
      );
    case "committee": {
      const c = part.committee;
      const seats = [...(c.chair ? [c.chair] : []), ...c.members];
      const insiders = seats.filter((m) => m.affiliation !== "external").length;
      return both(
        `主任委员 ${c.chair?.name ?? "未设"}；委员 ${c.members.length} 人（含牵头、共建单位人员 ${insiders} 人）：${names(c.members, "、")}`,
        `Chair ${c.chair?.name ?? "none"}; ${c.members.length} members (${insiders} from the lead and co-build units): ${names(c.members, ", ")}`,
      );
    }
    case "lead-unit":
      return both(part.leadUnit.name, part.leadUnit.name);
    case "co-build-units":
      return part.units.length === 0
        ? both("无", "none")
        : both(names(part.units, "、"), names(part.units, ", "));
    case "name":
      return both(part.name, part.name);
    case "location":
      return both(part.location, part.location);
    case "research-direction":
      return both(part.fields.join("、"), part.fields.join(", "));
    case "formation-mode":
      return formationModes[part.formationMode];
  }
}
