import { useTRPC } from "@kechuang/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApplicationDetail } from "../workflow/api";

/** One application as the server shows it to the caller (scoped: out-of-scope ids are NOT_FOUND). */
export function useApplicationDetail(applicationId: string) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.applications.get.queryOptions({ applicationId }),
    select: (data): ApplicationDetail => data,
  });
}

/**
 * After any change (or a version conflict): reload everything this portal shows. A step moves the
 * application, the panel, the opinions, the queue and the notifications at once.
 */
export function useReloadAll(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}
