import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { patience } from "./browser";

const repoRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "..", "..");
export const serverMain = join(repoRoot, "apps", "server", "dist", "main.js");

export type RunningServer = { url: string; dataDir: string; output: () => string; stop(): Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? done(address.port) : fail(new Error("no port")),
      );
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  // A ceiling, not a wait: a ready server answers at once. A first start seeds the demo (platforms' calendars
  // and reports included), which on a loaded two-core machine took over a minute.
  const deadline = Date.now() + patience(180_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((tick) => setTimeout(tick, 250));
  }
  throw new Error(
    `server at ${url} not ready within ${Math.round(patience(180_000) / 1000)} s:\n${output()}`,
  );
}

/** The built server on a free port with a fresh data directory and demo data. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(serverMain))
    throw new Error(`${serverMain} is missing: build the server first (turbo e2e does)`);
  const dataDir = await mkdtemp(join(tmpdir(), "kechuang-e2e-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = "";
  const child = spawn(process.execPath, [serverMain], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DEMO: "1",
      // Plain http on localhost: a Secure cookie would never come back.
      COOKIE_SECURE: "0",
      LOG_LEVEL: "warn",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (log += chunk));
  child.stderr?.on("data", (chunk) => (log += chunk));
  const output = () => log.slice(-4000);
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, child, output);
  } catch (error) {
    // The suite's afterAll never gets a handle to a server that did not come up: stop it here, not leak it.
    await stop();
    throw error;
  }
  return { url, dataDir, output, stop };
}
