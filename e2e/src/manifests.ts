/** Where each build lives on the server, and where its Module Federation manifest is. */
export const builds = [
  { name: "shell", base: "/" },
  { name: "portal_public", base: "/portals/public/" },
  { name: "portal_applicant", base: "/portals/applicant/" },
  { name: "portal_reviewer", base: "/portals/reviewer/" },
] as const;

type Manifest = { shared?: { name: string; assets?: { js?: { sync?: string[]; async?: string[] } } }[] };

/**
 * Every URL path at which some build could serve its copy of a shared package. Each build bundles
 * its own fallback copy of react; sharing works when the page fetches exactly one of them.
 */
export async function sharedChunkPaths(serverUrl: string, packageName: string): Promise<Map<string, string>> {
  const paths = new Map<string, string>();
  for (const build of builds) {
    const response = await fetch(`${serverUrl}${build.base}mf-manifest.json`);
    if (!response.ok) throw new Error(`${build.base}mf-manifest.json answered ${response.status}`);
    const manifest = (await response.json()) as Manifest;
    const shared = manifest.shared?.find((entry) => entry.name === packageName);
    for (const file of [...(shared?.assets?.js?.sync ?? []), ...(shared?.assets?.js?.async ?? [])]) {
      paths.set(`${build.base}${file}`, build.name);
    }
  }
  return paths;
}
