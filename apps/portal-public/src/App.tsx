import { ApiProvider, addMessages, type PortalProps } from "@kechuang/ui";
import { Route, Routes } from "react-router";
import { HomePage } from "./HomePage";
import { publicEn, publicNamespace, publicZhCN } from "./messages";
import { NotFound } from "./NotFound";

addMessages(publicNamespace, { "zh-CN": publicZhCN, en: publicEn });

/** Exposed as portal_public/App. Routes are relative to where the shell mounted us. */
export default function PublicPortal(props: PortalProps) {
  return (
    <ApiProvider>
      <Routes>
        <Route index element={<HomePage locale={props.locale} />} />
        <Route path="*" element={<NotFound basePath={props.basePath} />} />
      </Routes>
    </ApiProvider>
  );
}
