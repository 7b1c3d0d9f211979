import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { ApiSession } from "./apiSession";
import { patience } from "./browser";
import { type DemoAccount, readDemoAccounts } from "./demoAccounts";
import { type RunningServer, startServer } from "./server";

const clockShift = fileURLToPath(new URL("./clockShift.cjs", import.meta.url));
const dayMs = 86_400_000;

/** The built server with demo data and a movable clock (see clockShift.cjs), plus each actor's API session. */
export class WorkflowHarness {
  private sessions = new Map<string, ApiSession>();
  private offsetMs = 0;
  readonly extraAccounts = new Map<string, DemoAccount>();

  private constructor(
    readonly server: RunningServer,
    private readonly accounts: Map<string, DemoAccount>,
    private readonly clockFile: string,
    private readonly clockDir: string,
  ) {}

  static async start(): Promise<WorkflowHarness> {
    const clockDir = await mkdtemp(join(tmpdir(), "kechuang-clock-"));
    const clockFile = join(clockDir, "offset-ms");
    await writeFile(clockFile, "0");
    const server = await startServer({ NODE_OPTIONS: `--require ${clockShift}`, E2E_CLOCK_FILE: clockFile });
    return new WorkflowHarness(server, await readDemoAccounts(server.dataDir), clockFile, clockDir);
  }

  get url() {
    return this.server.url;
  }

  /** How far the server's clock runs ahead of ours (TOTP codes must follow it). */
  get clockOffsetMs() {
    return this.offsetMs;
  }

  account(username: string): DemoAccount {
    const found = this.accounts.get(username) ?? this.extraAccounts.get(username);
    if (!found) throw new Error(`no account ${username}; have ${[...this.accounts.keys()].join(", ")}`);
    return found;
  }

  usernamesWithRole(role: string): string[] {
    return [...this.accounts.values()].filter((a) => a.role === role).map((a) => a.username);
  }

  /** `username`'s own session over HTTP, signed in once (again after the clock moved). */
  async as(username: string): Promise<ApiSession> {
    const existing = this.sessions.get(username);
    if (existing) return existing;
    const session = await ApiSession.signIn(this.url, this.account(username), this.offsetMs);
    this.sessions.set(username, session);
    return session;
  }

  /** Moves the server's clock `days` ahead of real time; sessions expire, so everyone signs in again. */
  async moveClock(days: number) {
    this.offsetMs = days * dayMs;
    await writeFile(this.clockFile, String(this.offsetMs));
    this.sessions.clear();
    // The server acknowledges each offset it reads (clockShift.cjs): wait for that, not for a time.
    await expect
      .poll(() => readFile(`${this.clockFile}.ack`, "utf8").catch(() => ""), { timeout: patience(30_000) })
      .toBe(String(this.offsetMs));
  }

  /** Moves the server's clock to the day after `date` (China), e.g. past a publicity notice's closing day. */
  async moveClockPast(date: string) {
    const daysUntil = Math.round((Date.parse(date) - Date.parse(this.chinaDate())) / dayMs);
    await this.moveClock(this.offsetMs / dayMs + daysUntil + 1);
  }

  /** Today in China on the server's clock, shifted by `plusDays`. */
  chinaDate(plusDays = 0): string {
    return new Date(Date.now() + this.offsetMs + 8 * 3_600_000 + plusDays * dayMs).toISOString().slice(0, 10);
  }

  async stop() {
    await this.server.stop();
    await rm(this.clockDir, { recursive: true, force: true });
  }
}
