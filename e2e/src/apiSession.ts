import type { DemoAccount } from "./demoAccounts";
import { freshTotpCode } from "./totp";

/**
 * One actor's own session over the tRPC HTTP API (sign-in with their password and, for the authority,
 * a TOTP code). Used for the steps whose screens belong to other portals when those are not drivable.
 * superjson's wire shape is `{ json }` for plain JSON values, which is all these calls carry.
 */
export class ApiSession {
  private constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    readonly account: DemoAccount,
  ) {}

  static async signIn(baseUrl: string, account: DemoAccount, clockOffsetMs = 0): Promise<ApiSession> {
    const input: Record<string, string> = { username: account.username, password: account.password };
    if (account.totpSecret) input.totp = await freshTotpCode(account.totpSecret, clockOffsetMs);
    const response = await fetch(`${baseUrl}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ json: input }),
    });
    const body = await response.text();
    if (!response.ok) throw new Error(`sign-in of ${account.username} failed: ${response.status} ${body}`);
    const cookie = (response.headers.getSetCookie?.() ?? []).map((line) => line.split(";")[0]).join("; ");
    if (!cookie) throw new Error(`sign-in of ${account.username} set no cookie`);
    return new ApiSession(baseUrl, cookie, account);
  }

  async query<T = unknown>(path: string, input?: unknown): Promise<T> {
    const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    return this.read<T>(
      path,
      await fetch(`${this.baseUrl}/trpc/${path}${search}`, { headers: this.headers() }),
    );
  }

  async mutate<T = unknown>(path: string, input?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/trpc/${path}`, {
      method: "POST",
      headers: { ...this.headers(), "content-type": "application/json" },
      body: JSON.stringify({ json: input ?? null }),
    });
    return this.read<T>(path, response);
  }

  private headers() {
    // The server refuses state-changing requests without a same-origin Origin (CSRF check).
    return { cookie: this.cookie, origin: this.baseUrl };
  }

  private async read<T>(path: string, response: Response): Promise<T> {
    const text = await response.text();
    if (!response.ok) throw new Error(`${this.account.username} → ${path}: ${response.status} ${text}`);
    const body = JSON.parse(text) as { result?: { data?: { json?: T } } };
    return body.result?.data?.json as T;
  }
}

/** A call anyone may make without signing in (the public's objection to a publicity notice). */
export async function publicMutate<T = unknown>(baseUrl: string, path: string, input: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ json: input }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`anonymous → ${path}: ${response.status} ${text}`);
  return (JSON.parse(text) as { result?: { data?: { json?: T } } }).result?.data?.json as T;
}
