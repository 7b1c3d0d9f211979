import type { PortalName, PortalProps } from "@kechuang/ui";
import { init, loadRemote, registerRemotes } from "@module-federation/enhanced/runtime";
import type { ComponentType } from "react";
import type { PortalRemote } from "./config";

/**
 * Run-time remotes: the shell is built with no remote URLs; it learns them from /config/portals.json
 * and registers them here. `init` attaches to the instance the build plugin created for "shell".
 */
let registered = new Map<PortalName, PortalRemote>();

export function registerPortals(remotes: readonly PortalRemote[]): void {
  init({ name: "shell", remotes: [] });
  const fresh = remotes.filter((remote) => registered.get(remote.name)?.entry !== remote.entry);
  if (fresh.length === 0) return;
  registerRemotes(
    fresh.map((remote) => ({ name: remote.name, entry: remote.entry })),
    { force: true },
  );
  registered = new Map([...registered, ...fresh.map((remote) => [remote.name, remote] as const)]);
}

/** After a failure, forget the cached attempt so a retry really fetches the manifest again. */
export function forgetPortal(name: PortalName): void {
  const remote = registered.get(name);
  if (remote) registerRemotes([{ name: remote.name, entry: remote.entry }], { force: true });
}

export type PortalModule = { default: ComponentType<PortalProps> };

const isPortalModule = (value: unknown): value is PortalModule =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as { default?: unknown }).default === "function";

/** Load a portal's exposed ./App. Throws (into the error boundary) when it is missing or malformed. */
export async function loadPortal(name: PortalName): Promise<PortalModule> {
  const loaded = await loadRemote<unknown>(`${name}/App`);
  if (!isPortalModule(loaded)) throw new Error(`${name}/App did not load a component`);
  return loaded;
}
