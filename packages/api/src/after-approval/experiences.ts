import { appendAudit, type Database, schema, type Tx } from "@kechuang/db";
import {
  idempotencyKeySchema,
  type LocalizedText,
  type PolicyRule,
  reasonSchema,
  type SessionUser,
  uuidSchema,
} from "@kechuang/domain";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { appError } from "../errors";
import { markOutOfScope } from "../refusal-audit";
import { idempotent } from "../workflow/idempotency";
import { chinaToday } from "../workflow/records";
import type { Actor } from "./annual-reports";
import { notifyPlatform } from "./platform-notify";
import { loadPlatformScoped, type PlatformRow, platformModule } from "./scope";

/**
 * Replicable experiences (sc-zone 五(五) "示范区凝练提出可供复制推广的若干政策措施和经验做法。科技厅…向全省
 * 示范推广"): a duty after launch. The zone's own organization writes and submits; the authority publishes
 * (marking those it promotes province-wide) or returns with a reason; the public reads the published ones.
 * Only a platform whose module has an "obligation" rule writes any. Every write is one transaction with its
 * audit row and the notification of whoever acts next.
 */

export type ExperienceRow = typeof schema.zoneExperiences.$inferSelect;

export const experienceMessages = {
  notApplicable: {
    zh: "该平台适用的政策不要求凝练和报送可复制推广的经验做法",
    en: "The platform's policy asks for no replicable experiences",
  },
  notFound: { zh: "未找到该经验做法，或您无权查看", en: "No such experience, or you may not see it" },
  platformNotFound: { zh: "未找到该平台", en: "No such platform" },
  revoked: {
    zh: "该平台已被撤销，不再报送经验做法",
    en: "The platform has been revoked; it files no experiences",
  },
  notEditable: {
    zh: "只有草稿或退回修改的经验做法可以编辑或提交",
    en: "Only a draft or a returned experience can be edited or submitted",
  },
  notSubmitted: {
    zh: "该经验做法当前不在待审核状态",
    en: "The experience is not waiting for the authority's review",
  },
  stale: {
    zh: "该经验做法已被他人修改，请刷新后重试（未做任何更改）",
    en: "Someone else changed this experience; reload and retry (nothing was changed)",
  },
} as const satisfies Record<string, LocalizedText>;
const m = experienceMessages;

const title = z.string().trim().min(1).max(200);
const body = z.string().trim().min(1).max(20_000);
const version = z.number().int().positive();

export const platformInputSchema = z.strictObject({ platformId: uuidSchema });
export const saveExperienceInputSchema = z.strictObject({
  platformId: uuidSchema,
  /** Omitted to start a new draft. */
  id: uuidSchema.optional(),
  title,
  body,
  /** The version the editor loaded; required when editing (`id`). */
  expectedVersion: version.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});
export const submitExperienceInputSchema = z.strictObject({
  id: uuidSchema,
  expectedVersion: version.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});
export const publishExperienceInputSchema = z.strictObject({
  id: uuidSchema,
  /** 向全省示范推广: the authority promotes it province-wide. */
  promoted: z.boolean(),
  expectedVersion: version.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});
export const returnExperienceInputSchema = z.strictObject({
  id: uuidSchema,
  reason: reasonSchema,
  expectedVersion: version.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});

/** The module's "obligation" rule (sc-zone.experience), or undefined where the platform owes none. */
const obligationRule = (platform: PlatformRow): PolicyRule | undefined =>
  platformModule(platform).rules.find((r) => r.implementedBy === "obligation");

function requireRule(platform: PlatformRow): PolicyRule {
  const rule = obligationRule(platform);
  if (!rule) throw appError("PRECONDITION_FAILED", m.notApplicable);
  return rule;
}

const editable = (e: ExperienceRow) => e.status === "draft" || e.status === "returned";

export interface ExperienceView {
  id: string;
  title: string;
  body: string;
  status: ExperienceRow["status"];
  promoted: boolean;
  returnReason: string | null;
  submittedAt: Date | null;
  publishedAt: Date | null;
  version: number;
  updatedAt: Date;
}

export interface ExperienceList {
  /** The rule the platform fulfils, its clause and the writing prompt; null where the policy asks none. */
  rule: Pick<PolicyRule, "id" | "title" | "citation" | "prompt"> | null;
  items: ExperienceView[];
}

/** Every experience of a platform in scope, all statuses, newest first. */
export async function listExperiences(
  db: Database["db"],
  user: SessionUser,
  input: z.infer<typeof platformInputSchema>,
): Promise<ExperienceList> {
  const platform = await loadPlatformScoped(db, user, input.platformId);
  const rule = obligationRule(platform);
  if (!rule) return { rule: null, items: [] };
  const e = schema.zoneExperiences;
  const rows = await db
    .select()
    .from(e)
    .where(eq(e.platformId, platform.id))
    .orderBy(desc(e.updatedAt), asc(e.id));
  return {
    rule: { id: rule.id, title: rule.title, citation: rule.citation, prompt: rule.prompt },
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      status: r.status,
      promoted: r.promoted,
      returnReason: r.returnReason,
      submittedAt: r.submittedAt,
      publishedAt: r.publishedAt,
      version: r.version,
      updatedAt: r.updatedAt,
    })),
  };
}

export interface PublishedExperience {
  title: string;
  body: string;
  promoted: boolean;
  /** The day it was published, in China (YYYY-MM-DD). */
  publishedOn: string;
}

/** The public side: a platform's published experiences only, promoted first; no ids, authors or drafts. */
export async function publishedExperiences(
  db: Database["db"],
  input: z.infer<typeof platformInputSchema>,
): Promise<PublishedExperience[]> {
  const [platform] = await db
    .select({ id: schema.platforms.id })
    .from(schema.platforms)
    .where(eq(schema.platforms.id, input.platformId));
  if (!platform) throw appError("NOT_FOUND", m.platformNotFound);
  const e = schema.zoneExperiences;
  const rows = await db
    .select({ title: e.title, body: e.body, promoted: e.promoted, publishedAt: e.publishedAt })
    .from(e)
    .where(and(eq(e.platformId, platform.id), eq(e.status, "published")))
    .orderBy(desc(e.promoted), desc(e.publishedAt));
  return rows.map((r) => ({
    title: r.title,
    body: r.body,
    promoted: r.promoted,
    publishedOn: chinaToday(r.publishedAt!),
  }));
}

/** An experience whose platform the user may see (locked), else NOT_FOUND as if it did not exist. */
async function loadExperience(
  tx: Tx,
  user: SessionUser,
  id: string,
): Promise<{ experience: ExperienceRow; platform: PlatformRow; rule: PolicyRule }> {
  const e = schema.zoneExperiences;
  const [experience] = await tx.select().from(e).where(eq(e.id, id)).for("update");
  const missing = () => markOutOfScope(appError("NOT_FOUND", m.notFound), "zone-experience", id);
  if (!experience) throw missing();
  let platform: PlatformRow;
  try {
    platform = await loadPlatformScoped(tx, user, experience.platformId, { forUpdate: true });
  } catch {
    throw missing();
  }
  return { experience, platform, rule: requireRule(platform) };
}

export interface ExperienceWrite {
  id: string;
  status: ExperienceRow["status"];
  version: number;
}

const written = {
  id: schema.zoneExperiences.id,
  status: schema.zoneExperiences.status,
  version: schema.zoneExperiences.version,
};

/** Every change bumps the version (optimistic concurrency, as for annual reports) and updatedAt. */
async function update(
  tx: Tx,
  experience: ExperienceRow,
  now: Date,
  changes: Partial<typeof schema.zoneExperiences.$inferInsert>,
): Promise<ExperienceWrite> {
  const [saved] = await tx
    .update(schema.zoneExperiences)
    .set({ ...changes, version: experience.version + 1, updatedAt: now })
    .where(eq(schema.zoneExperiences.id, experience.id))
    .returning(written);
  return saved!;
}

function checkVersion(experience: ExperienceRow, expected: number | undefined) {
  if (expected !== undefined && experience.version !== expected) throw appError("CONFLICT", m.stale);
}

async function audit(
  tx: Tx,
  a: Actor,
  action: string,
  saved: ExperienceWrite,
  rule: PolicyRule,
  detail: Record<string, unknown>,
) {
  await appendAudit(
    tx,
    {
      actorId: a.user.id,
      actorRole: a.user.role,
      sourceIp: a.ip,
      action: `experience.${action}`,
      objectType: "zone-experience",
      objectId: saved.id,
      result: "ok",
      ruleId: rule.id,
      detail,
    },
    a.now,
  );
}

const claim = (a: Actor, scope: string, key: string | undefined) => ({
  userId: a.user.id,
  scope: `experiences.${scope}`,
  key,
});

/** The zone's applicant starts a draft, or edits its draft or a returned one (the version it loaded). */
export function saveExperience(
  db: Database["db"],
  a: Actor,
  input: z.infer<typeof saveExperienceInputSchema>,
): Promise<ExperienceWrite> {
  return db.transaction((tx) =>
    idempotent(tx, claim(a, "save", input.idempotencyKey), async () => {
      const platform = await loadPlatformScoped(tx, a.user, input.platformId, { forUpdate: true });
      const rule = requireRule(platform);
      if (platform.status === "delisted") throw appError("PRECONDITION_FAILED", m.revoked);
      let saved: ExperienceWrite;
      if (input.id) {
        const { experience } = await loadExperience(tx, a.user, input.id);
        // An id of another platform is no experience of this one.
        if (experience.platformId !== platform.id)
          throw markOutOfScope(appError("NOT_FOUND", m.notFound), "zone-experience", input.id);
        if (experience.version !== input.expectedVersion) throw appError("CONFLICT", m.stale);
        if (!editable(experience)) throw appError("PRECONDITION_FAILED", m.notEditable);
        saved = await update(tx, experience, a.now, { title: input.title, body: input.body });
      } else {
        [saved] = (await tx
          .insert(schema.zoneExperiences)
          .values({
            platformId: platform.id,
            title: input.title,
            body: input.body,
            status: "draft",
            createdBy: a.user.id,
            createdAt: a.now,
            updatedAt: a.now,
          })
          .returning(written)) as [ExperienceWrite];
      }
      await audit(tx, a, "save", saved, rule, { platformId: platform.id, version: saved.version });
      return saved;
    }),
  );
}

/** The applicant submits a draft or a revised returned one; the authority is told. */
export function submitExperience(
  db: Database["db"],
  a: Actor,
  input: z.infer<typeof submitExperienceInputSchema>,
): Promise<ExperienceWrite> {
  return db.transaction((tx) =>
    idempotent(tx, claim(a, "submit", input.idempotencyKey), async () => {
      const { experience, platform, rule } = await loadExperience(tx, a.user, input.id);
      checkVersion(experience, input.expectedVersion);
      if (!editable(experience)) throw appError("PRECONDITION_FAILED", m.notEditable);
      if (platform.status === "delisted") throw appError("PRECONDITION_FAILED", m.revoked);
      const saved = await update(tx, experience, a.now, { status: "submitted", submittedAt: a.now });
      await notifyPlatform(tx, platform, "authority", "experience-submitted", a.now, {
        title: experience.title,
      });
      await audit(tx, a, "submit", saved, rule, {
        platformId: platform.id,
        resubmission: experience.status === "returned",
      });
      return saved;
    }),
  );
}

/** The authority publishes a submitted experience, marking whether it promotes it province-wide. */
export function publishExperience(
  db: Database["db"],
  a: Actor,
  input: z.infer<typeof publishExperienceInputSchema>,
): Promise<ExperienceWrite> {
  return db.transaction((tx) =>
    idempotent(tx, claim(a, "publish", input.idempotencyKey), async () => {
      const { experience, platform, rule } = await loadExperience(tx, a.user, input.id);
      checkVersion(experience, input.expectedVersion);
      if (experience.status !== "submitted") throw appError("PRECONDITION_FAILED", m.notSubmitted);
      const saved = await update(tx, experience, a.now, {
        status: "published",
        promoted: input.promoted,
        publishedAt: a.now,
        publishedBy: a.user.id,
        returnReason: null,
      });
      await notifyPlatform(tx, platform, "platform", "experience-published", a.now, {
        title: experience.title,
        promoted: input.promoted,
      });
      await audit(tx, a, "publish", saved, rule, { platformId: platform.id, promoted: input.promoted });
      return saved;
    }),
  );
}

/** The authority returns a submitted experience with its reason; the zone revises and resubmits. */
export function returnExperience(
  db: Database["db"],
  a: Actor,
  input: z.infer<typeof returnExperienceInputSchema>,
): Promise<ExperienceWrite> {
  return db.transaction((tx) =>
    idempotent(tx, claim(a, "return", input.idempotencyKey), async () => {
      const { experience, platform, rule } = await loadExperience(tx, a.user, input.id);
      checkVersion(experience, input.expectedVersion);
      if (experience.status !== "submitted") throw appError("PRECONDITION_FAILED", m.notSubmitted);
      const saved = await update(tx, experience, a.now, { status: "returned", returnReason: input.reason });
      await notifyPlatform(tx, platform, "platform", "experience-returned", a.now, {
        title: experience.title,
        reason: input.reason,
      });
      await audit(tx, a, "return", saved, rule, { platformId: platform.id, reason: input.reason });
      return saved;
    }),
  );
}
