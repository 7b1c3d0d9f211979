import type { FastifyInstance } from "fastify";

/** REST policy endpoints (/api/v1) — wired once the policy registry exists. */
export async function registerRest(_app: FastifyInstance): Promise<void> {}
