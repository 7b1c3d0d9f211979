/** A page of this portal under wherever the shell mounted it ("/public", or "" when standalone). */
export const portalPath = (basePath: string, page = ""): string => {
  const base = basePath.replace(/\/+$/, "");
  const rest = page.replace(/^\/+/, "");
  return rest ? `${base}/${rest}` : base || "/";
};

/** The library page of one policy (citations to a clause go through `citationHref` from @kechuang/ui). */
export const policyPath = (basePath: string, policyId: string): string =>
  portalPath(basePath, `policies/${encodeURIComponent(policyId)}`);

/** One platform's public page (its register entry and public events). */
export const platformPath = (basePath: string, platformId: string): string =>
  portalPath(basePath, `platforms/${encodeURIComponent(platformId)}`);
