import { ApiProvider, addMessages, type PortalProps } from "@kechuang/ui";
import { Route, Routes } from "react-router";
import { ApplicationEditorPage } from "./ApplicationEditorPage";
import { HistoryPage } from "./HistoryPage";
import { MyApplicationsPage } from "./MyApplicationsPage";
import { applicantEn, applicantNamespace, applicantZhCN } from "./messages";
import { MyPlatformsPage } from "./platforms/MyPlatformsPage";
import { PlatformPage } from "./platforms/PlatformPage";
import { PortalNav } from "./platforms/PortalNav";
import { ReportEditorPage } from "./platforms/ReportEditorPage";
import { SignInRequired } from "./SignInRequired";
import { StartApplicationPage } from "./StartApplicationPage";
import { VersionsPage } from "./VersionsPage";

addMessages(applicantNamespace, { "zh-CN": applicantZhCN, en: applicantEn });

/** Exposed as portal_applicant/App. Routes are relative to where the shell mounted us. */
export default function ApplicantPortal(props: PortalProps) {
  if (!props.user) return <SignInRequired onSignIn={props.onSignInRequired} />;
  const { basePath, locale } = props;
  return (
    <ApiProvider>
      <PortalNav basePath={basePath} />
      <Routes>
        <Route index element={<MyApplicationsPage {...props} user={props.user} />} />
        <Route path="new" element={<StartApplicationPage basePath={basePath} locale={locale} />} />
        <Route path="platforms" element={<MyPlatformsPage basePath={basePath} locale={locale} />} />
        <Route path="platforms/:platformId" element={<PlatformPage basePath={basePath} locale={locale} />} />
        <Route
          path="platforms/:platformId/reports/:year"
          element={<ReportEditorPage basePath={basePath} locale={locale} />}
        />
        <Route path=":id" element={<ApplicationEditorPage basePath={basePath} locale={locale} />} />
        <Route path=":id/history" element={<HistoryPage basePath={basePath} locale={locale} />} />
        <Route path=":id/versions" element={<VersionsPage basePath={basePath} locale={locale} />} />
        <Route path="*" element={<MyApplicationsPage {...props} user={props.user} />} />
      </Routes>
    </ApiProvider>
  );
}
