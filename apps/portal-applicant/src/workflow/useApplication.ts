import { useTRPC } from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";

/** One application as the server shows it to its applicant (scoped: another org's id is NOT_FOUND). */
export function useApplication(applicationId: string) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.applications.get.queryOptions({ applicationId }),
    // The editor holds the draft: background refetches would reset forms under the user's hands.
    staleTime: Number.POSITIVE_INFINITY,
  });
}
