import { and, asc, desc, eq, ne } from "drizzle-orm";
import type { Executor } from "../client";
import { applications, organizations } from "../schema";

export interface MyApplicationRow {
  id: string;
  title: string;
  policyId: string;
  kind: string;
  stage: string;
  updatedAt: Date;
}

/** Record scope: an applicant sees only its own organization's applications. */
export async function listApplicationsOfOrganization(
  db: Executor,
  organizationId: string,
): Promise<MyApplicationRow[]> {
  return db
    .select({
      id: applications.id,
      title: applications.title,
      policyId: applications.policyId,
      kind: applications.kind,
      stage: applications.stage,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .where(eq(applications.organizationId, organizationId))
    .orderBy(desc(applications.updatedAt));
}

export interface QueueRow {
  applicationId: string;
  title: string;
  policyId: string;
  stage: string;
  waitingSince: Date;
  organizationName: string;
}

const queueColumns = {
  applicationId: applications.id,
  title: applications.title,
  policyId: applications.policyId,
  stage: applications.stage,
  waitingSince: applications.updatedAt,
  organizationName: organizations.name,
};

/** A recommender's queue: submitted applications from its own area, oldest first. */
export async function submittedInArea(db: Executor, areaCode: string): Promise<QueueRow[]> {
  return db
    .select(queueColumns)
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(applications.recommenderArea, areaCode), eq(applications.stage, "submitted")))
    .orderBy(asc(applications.updatedAt));
}

/** The authority sees everything an applicant has sent in (anything but drafts). */
export async function allBeyondDraft(db: Executor): Promise<QueueRow[]> {
  return db
    .select(queueColumns)
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(ne(applications.stage, "draft"))
    .orderBy(asc(applications.updatedAt));
}
