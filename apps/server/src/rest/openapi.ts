import { appRouter } from "@kechuang/api";
import {
  centerFactsSchema,
  checkResponseSchema,
  directoryPageSchema,
  obligationSchema,
  policySummarySchema,
  scheduleInputSchema,
  targetsReportSchema,
} from "@kechuang/domain";
import { z } from "zod";
import { defaultRateLimits } from "../env";
import { afterApprovalExports } from "../files";
import { PUBLIC_CACHE_CONTROL } from "../http-cache";
import { DOWNLOAD_MAX_ROWS, downloadFormats, downloadMime, XLSX_MAX_ROWS } from "./downloads";
import { downloadQuerySchema, listQuerySchema } from "./platforms";
import { targetFormats } from "./targets";

/**
 * The OpenAPI 3.1 document of every /api/v1 route, generated from the zod schemas that validate the requests
 * (z.toJSONSchema); open-data.int.test.ts fails if a route the app registers is missing here.
 */

const toSchema = (schema: z.ZodType, io: "input" | "output" = "output") => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return rest;
};

const json = (schema: z.ZodType, io: "input" | "output" = "output") => ({
  "application/json": { schema: toSchema(schema, io) },
});

const errorSchema = z.object({
  error: z.object({ zh: z.string(), en: z.string() }),
  issues: z.array(z.unknown()).optional(),
  requestId: z.string(),
});

const checkBodySchema = z.object({ facts: centerFactsSchema });

/** Each property of an object schema as a query parameter (what the route's zod schema accepts). */
function queryParameters(schema: z.ZodType, omit: readonly string[] = []) {
  const object = toSchema(schema, "input") as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(object.properties ?? {})
    .filter(([name]) => !omit.includes(name))
    .map(([name, property]) => ({
      name,
      in: "query",
      required: object.required?.includes(name) ?? false,
      ...(typeof property.description === "string" ? { description: property.description } : {}),
      schema: property,
    }));
}

/** The input schema of a tRPC procedure: the file routes pass their query to it unchanged. */
function procedureInput(path: string): z.ZodType {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>;
  const input = procedures[path]?._def.inputs[0];
  if (!(input instanceof z.ZodType)) throw new Error(`no zod input for ${path}`);
  return input;
}

const error = (description: string) => ({ description, content: json(errorSchema) });

const validatorHeaders = {
  ETag: { $ref: "#/components/headers/ETag" },
  "Last-Modified": { $ref: "#/components/headers/Last-Modified" },
  "Cache-Control": { $ref: "#/components/headers/Cache-Control" },
};
const conditionalParameters = [
  { $ref: "#/components/parameters/If-None-Match" },
  { $ref: "#/components/parameters/If-Modified-Since" },
];
const notModified = {
  "304": { description: "Not modified: the copy named by If-None-Match / If-Modified-Since is current" },
};

const pathId = (example: string, pattern?: string) => ({
  name: "id",
  in: "path",
  required: true,
  schema: { type: "string", ...(pattern ? { pattern } : {}) },
  example,
});

const fileContent = (mime: string) => ({ [mime]: { schema: { type: "string", format: "binary" } } });

const sessionNote =
  "Needs a signed-in session (the portal's session cookie) whose role the permission matrix allows; " +
  "answers 401/403 otherwise.";

function exportPaths() {
  const paths: Record<string, unknown> = {};
  for (const { list, procedure } of afterApprovalExports)
    for (const format of ["csv", "xlsx"] as const)
      paths[`/api/v1/exports/${list}.${format}`] = {
        get: {
          tags: ["exports"],
          summary: `After-approval list “${list}” as ${format.toUpperCase()} (provincial authority)`,
          description: `${sessionNote} Rows in the authority's scope; every download is audited. Rate limited per address (RATE_EXPORT per minute, shared with the other exports).`,
          security: [{ session: [] }],
          parameters: queryParameters(procedureInput(`exports.${procedure}`), ["format"]),
          responses: {
            "200": { description: "The file", content: fileContent(downloadMime[format]) },
            "400": error("Malformed filter (zod issues)"),
            "401": error("Not signed in"),
            "403": error("Role not allowed"),
            "429": error("Too many exports from this address"),
          },
        },
      };
  paths["/api/v1/exports/applications.csv"] = {
    get: {
      tags: ["exports"],
      summary: "Every application under the authority's jurisdiction, as CSV (provincial authority)",
      description: `${sessionNote} Audited; rate limited per address (RATE_EXPORT per minute).`,
      security: [{ session: [] }],
      responses: {
        "200": { description: "UTF-8 CSV with BOM", content: fileContent(downloadMime.csv) },
        "401": error("Not signed in"),
        "403": error("Role not allowed"),
        "429": error("Too many exports from this address"),
      },
    },
  };
  return paths;
}

function downloadPaths() {
  const paths: Record<string, unknown> = {};
  for (const format of downloadFormats)
    paths[`/api/v1/platforms.${format}`] = {
      get: {
        tags: ["open data"],
        summary: `The platform directory as ${format.toUpperCase()}, with the directory's filters`,
        description:
          `Every matching platform (no paging; at most ${format === "xlsx" ? XLSX_MAX_ROWS : DOWNLOAD_MAX_ROWS} rows, ` +
          `else 422). ${format === "json" ? 'Body: {"items": [DirectoryItem…], "total": n}.' : "Chinese column headers; CSV is UTF-8 with a BOM."} ` +
          `Anonymous; RATE_PUBLIC_DOWNLOAD downloads per minute per address (default ${defaultRateLimits.publicDownload}). The ETag is weak: it names ` +
          "the filters and the data's version, as the body is written while it streams.",
        parameters: [...queryParameters(downloadQuerySchema), ...conditionalParameters],
        responses: {
          "200": {
            description: "The file (Content-Disposition: attachment, dated file name)",
            headers: validatorHeaders,
            content: fileContent(downloadMime[format]),
          },
          ...notModified,
          "400": error("Malformed or unknown query parameter (zod issues)"),
          "422": error("Too many rows for one file: narrow the filters"),
          "429": error("Too many downloads from this address"),
        },
      },
    };
  return paths;
}

/** A module's platform targets (Anshun's 附件, issue 11): the report as JSON, its rows as files. */
function targetPaths() {
  const policyId = { ...pathId("as-plat-2021", "^[a-z]{2}-[a-z]+-\\d{4}$"), name: "policyId" };
  const paths: Record<string, unknown> = {
    "/api/v1/targets/{policyId}": {
      get: {
        tags: ["open data"],
        summary: "Platform targets against actual counts, per type and year, with totals",
        description:
          "Anonymous. Targets as the policy publishes them (cumulative); actuals are the platforms the city " +
          "authority recorded with a counted recognition (national or provincial) by the year's end. " +
          "statedGrowthPct is the source's average annual growth, computedGrowthPct the one its own counts give.",
        parameters: [policyId, ...conditionalParameters],
        responses: {
          "200": { description: "The report", headers: validatorHeaders, content: json(targetsReportSchema) },
          ...notModified,
          "404": error("Unknown policy, or a policy without targets"),
        },
      },
    },
  };
  for (const format of targetFormats)
    paths[`/api/v1/targets/{policyId}.${format}`] = {
      get: {
        tags: ["open data"],
        summary: `The targets' rows (type × year) as ${format.toUpperCase()}`,
        description: `Anonymous; Chinese column headers${format === "csv" ? ", UTF-8 with a BOM" : ""}. RATE_PUBLIC_DOWNLOAD downloads per minute per address. Weak ETag over the data's version and the day.`,
        parameters: [policyId, ...conditionalParameters],
        responses: {
          "200": {
            description: "The file (Content-Disposition: attachment, dated file name)",
            headers: validatorHeaders,
            content: fileContent(downloadMime[format]),
          },
          ...notModified,
          "404": error("Unknown policy, or a policy without targets"),
          "429": error("Too many downloads from this address"),
        },
      },
    };
  return paths;
}

/** Generated from the same zod schemas that validate the requests. */
export function openApiDocument() {
  const policyId = pathId("hn-tic-2020", "^[a-z]{2}-[a-z]+-\\d{4}$");
  return {
    openapi: "3.1.0",
    info: {
      title: "Kechuang open data and policy API",
      version: "1.1.0",
      description:
        "The public directory of approved science and technology innovation platforms (open data), and " +
        "state-less eligibility checks and obligation schedules for the registered policies. Public GET " +
        `answers carry a strong ETag (a weak one for the downloads) and Last-Modified, with Cache-Control: ${PUBLIC_CACHE_CONTROL}: ` +
        "revalidate with If-None-Match and get 304 when nothing changed. Errors are JSON with a Chinese and an English message.",
    },
    tags: [
      { name: "open data", description: "Anonymous, cacheable" },
      { name: "policies", description: "Anonymous, state-less" },
      { name: "exports", description: "Signed-in provincial authority only" },
      { name: "files", description: "Signed-in users, per the attachment's application" },
    ],
    components: {
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "__Host-kc_session",
          description: "The portal's session cookie (kc_session without HTTPS).",
        },
      },
      headers: {
        ETag: { description: "Validator of this representation", schema: { type: "string" } },
        "Last-Modified": {
          description: "Latest change of the public data (approvals, revocations, public events)",
          schema: { type: "string" },
        },
        "Cache-Control": { description: PUBLIC_CACHE_CONTROL, schema: { type: "string" } },
      },
      parameters: {
        "If-None-Match": { name: "If-None-Match", in: "header", schema: { type: "string" } },
        "If-Modified-Since": { name: "If-Modified-Since", in: "header", schema: { type: "string" } },
      },
    },
    paths: {
      "/api/openapi.json": {
        get: {
          tags: ["open data"],
          summary: "This document",
          parameters: conditionalParameters,
          responses: {
            "200": {
              description: "OpenAPI 3.1",
              headers: validatorHeaders,
              content: { "application/json": {} },
            },
            ...notModified,
          },
        },
      },
      "/api/v1/platforms": {
        get: {
          tags: ["open data"],
          summary: "The platform directory: search, filter, sort, one page at a time",
          description: "Anonymous. Unknown query parameters are refused (400) and named.",
          parameters: [...queryParameters(listQuerySchema), ...conditionalParameters],
          responses: {
            "200": { description: "One page", headers: validatorHeaders, content: json(directoryPageSchema) },
            ...notModified,
            "400": error("Malformed or unknown query parameter (zod issues)"),
          },
        },
      },
      "/api/v1/platforms/{id}": {
        get: {
          tags: ["open data"],
          summary: "One platform's public page: register entry, revocation if any, public events",
          description: "Anonymous. The same record as the public portal's platform page.",
          parameters: [pathId("00000000-0000-4000-8000-000000000000"), ...conditionalParameters],
          responses: {
            "200": {
              description: "The public platform",
              headers: validatorHeaders,
              content: { "application/json": { schema: { type: "object" } } },
            },
            ...notModified,
            "404": error("Unknown platform id"),
          },
        },
      },
      ...downloadPaths(),
      ...targetPaths(),
      "/api/v1/policies": {
        get: {
          tags: ["policies"],
          summary: "List the registered policies",
          parameters: conditionalParameters,
          responses: {
            "200": {
              description: "Policies",
              headers: validatorHeaders,
              content: json(z.array(policySummarySchema)),
            },
            ...notModified,
          },
        },
      },
      "/api/v1/policies/{id}/check": {
        post: {
          tags: ["policies"],
          summary: "Check a prospective center's or zone's facts against a policy",
          parameters: [policyId],
          requestBody: { required: true, content: json(checkBodySchema, "input") },
          responses: {
            "200": { description: "Rule results", content: json(checkResponseSchema) },
            "400": error("Malformed input (zod issues)"),
            "404": error("Unknown policy id"),
          },
        },
      },
      "/api/v1/policies/{id}/schedule": {
        post: {
          tags: ["policies"],
          summary: "Annual reports and evaluations due after approval",
          parameters: [policyId],
          requestBody: { required: true, content: json(scheduleInputSchema, "input") },
          responses: {
            "200": { description: "Obligations", content: json(z.array(obligationSchema)) },
            "400": error("Malformed input (zod issues)"),
            "404": error("Unknown policy id"),
          },
        },
      },
      ...exportPaths(),
      "/api/v1/attachments/{id}/download": {
        get: {
          tags: ["files"],
          summary: "Download an application's attachment",
          description: `${sessionNote} Read access follows the attachment's application.`,
          security: [{ session: [] }],
          parameters: [pathId("00000000-0000-4000-8000-000000000000")],
          responses: {
            "200": {
              description: "The file as uploaded",
              content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
            },
            "401": error("Not signed in"),
            "403": error("Not allowed to read it"),
            "404": error("Unknown attachment"),
          },
        },
      },
    },
  };
}
