import { ApiProvider, addMessages, type PortalProps } from "@kechuang/ui";
import { Route, Routes } from "react-router";
import { DevelopersPage } from "./developers/DevelopersPage";
import { HomePage } from "./HomePage";
import { publicEn, publicNamespace, publicZhCN } from "./messages";
import { NotFound } from "./NotFound";
import { PolicyDocumentPage } from "./PolicyDocumentPage";
import { PolicyLibraryPage } from "./PolicyLibraryPage";
import { PublicityPage } from "./PublicityPage";
import { PlatformPage } from "./platforms/PlatformPage";
import { SelfCheckPage } from "./SelfCheckPage";
import { StatsPage } from "./stats/StatsPage";
import { TargetsPage } from "./targets/TargetsPage";

addMessages(publicNamespace, { "zh-CN": publicZhCN, en: publicEn });

/** Exposed as portal_public/App. Routes are relative to where the shell mounted us. */
export default function PublicPortal(props: PortalProps) {
  const page = { basePath: props.basePath, locale: props.locale };
  return (
    <ApiProvider>
      <Routes>
        <Route index element={<HomePage {...page} />} />
        <Route path="policies" element={<PolicyLibraryPage {...page} />} />
        <Route path="platforms/:platformId" element={<PlatformPage {...page} />} />
        <Route path="policies/:policyId" element={<PolicyDocumentPage {...page} />} />
        <Route path="self-check" element={<SelfCheckPage {...page} />} />
        <Route path="publicity" element={<PublicityPage {...page} />} />
        <Route path="developers" element={<DevelopersPage />} />
        <Route path="stats" element={<StatsPage {...page} />} />
        <Route path="targets/:policyId" element={<TargetsPage {...page} />} />
        <Route path="*" element={<NotFound basePath={props.basePath} />} />
      </Routes>
    </ApiProvider>
  );
}
