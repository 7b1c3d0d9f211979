import type { AppRouter } from "@kechuang/api";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, splitLink, type TRPCClient } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import superjson from "superjson";
import { describeError } from "./errors";

/**
 * The one way a front end talks to the server. Every portal wraps itself in `ApiProvider` (its own
 * QueryClient and client; the session cookie is shared by the browser), so a portal works the same
 * inside the shell and on its own in development.
 */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/**
 * The server refuses a batch that carries one of these (each call is rate limited on its own) or more than
 * 10 calls (apps/server/src/trpc-plugin.ts), so they go alone and batches are split at 10.
 */
const unbatched = new Set([
  "auth.signIn",
  "attachments.upload",
  "publicity.object",
  "exports.applications",
  "exports.annualReports",
  "exports.evaluationResults",
  "exports.rectifications",
]);
const MAX_BATCH_SIZE = 10;

export function createTrpcClient(url = "/trpc"): TRPCClient<AppRouter> {
  const options = {
    url,
    transformer: superjson,
    fetch: (input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input, { ...init, credentials: "include" }),
  };
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => unbatched.has(op.path),
        true: httpLink(options),
        false: httpBatchLink({ ...options, maxItems: MAX_BATCH_SIZE }),
      }),
    ],
  });
}

/** Client errors (bad input, not signed in, forbidden) will not change on retry; network blips may. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const { kind, code } = describeError(error);
  if (kind === "network") return failureCount < 2;
  return code === "INTERNAL_SERVER_ERROR" && failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

export function ApiProvider({ children, url }: { children: ReactNode; url?: string }) {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(() => createTrpcClient(url));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
