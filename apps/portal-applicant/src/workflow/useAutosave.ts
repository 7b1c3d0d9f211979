import type { CenterFacts, PlanContent } from "@kechuang/domain";
import { describeError, useTRPCClient } from "@kechuang/ui";
import { useCallback, useEffect, useReducer, useRef } from "react";
import { autosaveDelayMs, nextSaveStatus } from "./autosave";

type Draft = { facts?: CenterFacts; plan?: PlanContent };

const retryDelayMs = 5_000;

/**
 * Debounced saveDraft against the version the editor holds. One save at a time; edits made while a save
 * is in flight go in the next one. A CONFLICT stops saving and asks the page to reload (`onConflict`).
 */
export function useAutosave(applicationId: string, loadedVersion: number, onConflict: () => void) {
  const client = useTRPCClient();
  const [status, dispatch] = useReducer(nextSaveStatus, "idle");
  const version = useRef(loadedVersion);
  const draft = useRef<Draft>({});
  const dirty = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const conflicted = useRef(false);

  // A reload (after a conflict or a transition) starts from the server's version.
  useEffect(() => {
    version.current = loadedVersion;
    conflicted.current = false;
    dispatch({ type: "reloaded" });
  }, [loadedVersion]);

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    if (!dirty.current || conflicted.current) return;
    dirty.current = false;
    const payload = draft.current;
    dispatch({ type: "started" });
    const save = (async () => {
      try {
        const result = await client.applications.saveDraft.mutate({
          applicationId,
          expectedVersion: version.current,
          ...payload,
        });
        version.current = result.version;
        dispatch({ type: "succeeded" });
      } catch (error) {
        const code = describeError(error).code;
        dispatch({ type: "failed", code });
        if (code === "CONFLICT") {
          conflicted.current = true;
          onConflict();
        } else {
          dirty.current = true;
          timer.current = setTimeout(() => void flush(), retryDelayMs);
        }
      }
    })();
    inFlight.current = save;
    await save;
    inFlight.current = null;
    if (dirty.current && !conflicted.current) timer.current = setTimeout(() => void flush(), autosaveDelayMs);
  }, [client, applicationId, onConflict]);

  const change = useCallback(
    (patch: Draft) => {
      draft.current = { ...draft.current, ...patch };
      dirty.current = true;
      dispatch({ type: "edited" });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), autosaveDelayMs);
    },
    [flush],
  );

  // Leaving the page saves what is pending rather than dropping it.
  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", beforeUnload);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      void flush();
    };
  }, [flush]);

  return { status, change, flush, currentVersion: () => version.current };
}
