import { err, ok, type Result } from "@kechuang/domain";
import { portalNames } from "@kechuang/ui";
import { z } from "zod";

/**
 * The server's /config/portals.json: where each portal's Module Federation manifest lives, and whether
 * the installation runs on demo data (a server without the field is not a demo).
 */
export const portalsConfigSchema = z.object({
  demo: z.boolean().default(false),
  remotes: z
    .array(
      z.object({
        name: z.enum(portalNames),
        route: z.string().startsWith("/"),
        entry: z.string().min(1),
      }),
    )
    .min(1),
});
export type PortalsConfig = z.infer<typeof portalsConfigSchema>;
export type PortalRemote = PortalsConfig["remotes"][number];

export const portalsConfigUrl = "/config/portals.json";

export function parsePortalsConfig(json: unknown): Result<PortalsConfig, string> {
  const parsed = portalsConfigSchema.safeParse(json);
  return parsed.success
    ? ok(parsed.data)
    : err(`invalid ${portalsConfigUrl}: ${z.prettifyError(parsed.error)}`);
}

/** Fetch and validate the config. Failure is a value: the shell still renders and says what broke. */
export async function fetchPortalsConfig(
  fetcher: typeof fetch = fetch,
): Promise<Result<PortalsConfig, string>> {
  try {
    const response = await fetcher(portalsConfigUrl, { credentials: "same-origin" });
    if (!response.ok) return err(`${portalsConfigUrl} answered ${response.status}`);
    return parsePortalsConfig(await response.json());
  } catch (error) {
    return err(`${portalsConfigUrl} could not be fetched: ${String(error)}`);
  }
}
