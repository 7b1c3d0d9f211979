/**
 * What the developer page shows: the REST paths, the limits and the example exchanges. The numbers mirror
 * the server's (apps/server/src/env.ts defaultRateLimits.publicDownload, rest/downloads.ts
 * XLSX_MAX_ROWS); the portal does not import server code.
 */
export const DOWNLOADS_PER_MINUTE = 60;
export const XLSX_MAX_ROWS = 20_000;
export const OPENAPI_PATH = "/api/openapi.json";

export const downloadLinks = (["csv", "xlsx", "json"] as const).map((format) => ({
  format,
  href: `/api/v1/platforms.${format}`,
}));

const sampleId = "3f2b8c1e-5a4d-4e0f-9b7a-2c6d8e1f0a9b";

const sampleItem = {
  id: sampleId,
  name: "湖南省先进轨道交通装备技术创新中心",
  kind: "tech-innovation-center",
  policyId: "hn-tic-2020",
  jurisdiction: { code: "430000", name: { zh: "湖南省", en: "Hunan Province" } },
  leadUnitName: "株洲某轨道交通装备有限公司",
  category: "domain",
  formationMode: "leading-enterprise",
  fields: ["先进轨道交通装备"],
  summary: null,
  approvedOn: "2021-07-15",
  status: "approved",
  revokedOn: null,
};

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** curl lines against this origin, and answers shaped like the server's (abridged). */
export function apiExamples(origin: string) {
  const base = origin || "https://example.gov.cn";
  return {
    list: {
      request: `curl '${base}/api/v1/platforms?jurisdiction=430000&kind=tech-innovation-center&pageSize=20'`,
      response: pretty({ items: [sampleItem], total: 1, page: 1, pageSize: 20 }),
    },
    platform: {
      request: `curl '${base}/api/v1/platforms/${sampleId}'`,
      response: pretty({
        id: sampleId,
        name: sampleItem.name,
        kind: sampleItem.kind,
        policyId: sampleItem.policyId,
        jurisdiction: sampleItem.jurisdiction,
        leadUnitName: sampleItem.leadUnitName,
        approvedOn: sampleItem.approvedOn,
        fields: sampleItem.fields,
        status: "active",
        revokedOn: null,
        revocation: null,
        timeline: [{ kind: "approved", occurredOn: "2021-07-15" }],
      }),
    },
    filteredDownload: `curl -OJ '${base}/api/v1/platforms.csv?jurisdiction=430000&status=approved'`,
    revalidate: [
      `curl -i '${base}/api/v1/platforms?pageSize=20'`,
      `#  → 200, ETag: "…", Last-Modified: …, Cache-Control: public, no-cache`,
      `curl -i -H 'If-None-Match: "…"' '${base}/api/v1/platforms?pageSize=20'`,
      "#  → 304 Not Modified (no body) while nothing has changed",
    ].join("\n"),
  };
}
