import type { SessionUser } from "@kechuang/domain";
import { useTRPC } from "@kechuang/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

/** The signed-in user (null when nobody is), read once from auth.me and updated on sign-in/out. */
export function useSession(): { user: SessionUser | null; isPending: boolean } {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  return { user: me.data ?? null, isPending: me.isPending };
}

export function useSignIn() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: ({ user }) => queryClient.setQueryData(trpc.auth.me.queryKey(), user),
    }),
  );
}

export function useSignOut() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => queryClient.setQueryData(trpc.auth.me.queryKey(), null),
    }),
  );
}
