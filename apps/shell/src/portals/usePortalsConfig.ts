import { useQuery } from "@tanstack/react-query";
import { fetchPortalsConfig } from "./config";
import { registerPortals } from "./federation";

/** Fetch /config/portals.json once per page and register the remotes it names (shared by every caller). */
export function usePortalsConfig() {
  return useQuery({
    queryKey: ["shell", "portals-config"],
    queryFn: async () => {
      const result = await fetchPortalsConfig();
      // react-query reports failures by rejection; the error is shown by RemotePortal, never thrown further.
      if (!result.ok) throw new Error(result.error);
      registerPortals(result.value.remotes);
      return result.value;
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}
