import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { TEST_SECRET_KEY } from "@kechuang/db/testing";
import superjson from "superjson";

/**
 * Test helper: the real server (src/main.ts under tsx) as a separate process with its own environment,
 * as a deployment runs it; only PATH is inherited, so a CI DATABASE_URL cannot leak in.
 */
const serverRoot = fileURLToPath(new URL("..", import.meta.url));

export interface ServerProcess {
  url: string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

function launch(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: serverRoot,
    // The test databases' key (a test may override it): the server then reads what the test seeded.
    env: {
      PATH: process.env.PATH ?? "",
      HOST: "127.0.0.1",
      PORT: "0",
      DEMO: "0",
      KECHUANG_SECRET_KEY: TEST_SECRET_KEY.toString("hex"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr!.on("data", (chunk) => {
    output += chunk;
  });
  return { child, output: () => output };
}

/** Starts a server and resolves once it listens; rejects with its output if it exits first. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const { child, output } = launch(env);
  const exited = once(child, "exit");
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const found = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (found) resolve(found[1]!);
    });
    exited.then(() => reject(new Error(`server exited before listening:\n${output()}`)));
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      return child.exitCode;
    },
  };
}

/** Runs a command-line entry point (e.g. src/db-backup.ts) to its end, with only PATH inherited. */
export async function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: serverRoot,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr!.on("data", (chunk) => {
    stderr += chunk;
  });
  await once(child, "close");
  return { code: child.exitCode, stdout, stderr };
}

/** Runs the server expecting it to refuse to start; resolves with its exit code and output. */
export async function runUntilExit(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<{ code: number | null; output: string }> {
  const { child, output } = launch(env);
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  await once(child, "exit");
  clearTimeout(timer);
  return { code: child.exitCode, output: output() };
}

/** tRPC over real HTTP the way @trpc/client sends it, with a cookie jar of one session cookie. */
export class HttpTrpcClient {
  constructor(
    readonly baseUrl: string,
    public cookie?: string,
  ) {}

  async call(
    type: "query" | "mutation",
    path: string,
    input?: unknown,
  ): Promise<{ status: number; data: unknown; error: unknown }> {
    const encoded = input === undefined ? undefined : superjson.serialize(input);
    const headers: Record<string, string> = { origin: this.baseUrl };
    if (this.cookie) headers.cookie = this.cookie;
    const response =
      type === "query"
        ? await fetch(
            `${this.baseUrl}/trpc/${path}${encoded ? `?input=${encodeURIComponent(JSON.stringify(encoded))}` : ""}`,
            { headers },
          )
        : await fetch(`${this.baseUrl}/trpc/${path}`, {
            method: "POST",
            headers: { ...headers, "content-type": "application/json" },
            body: JSON.stringify(encoded ?? {}),
          });
    const session = response.headers.getSetCookie().find((c) => c.split("=")[0]!.endsWith("kc_session"));
    if (session) this.cookie = session.split(";")[0];
    const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
    return {
      status: response.status,
      data: body.result ? superjson.deserialize(body.result.data as never) : undefined,
      error: body.error,
    };
  }
}
