import { ApiProvider, addMessages, type PortalProps } from "@kechuang/ui";
import { Route, Routes } from "react-router";
import { MyApplicationsPage } from "./MyApplicationsPage";
import { applicantEn, applicantNamespace, applicantZhCN } from "./messages";
import { SignInRequired } from "./SignInRequired";
import { StartApplicationPage } from "./StartApplicationPage";

addMessages(applicantNamespace, { "zh-CN": applicantZhCN, en: applicantEn });

/** Exposed as portal_applicant/App. Routes are relative to where the shell mounted us. */
export default function ApplicantPortal(props: PortalProps) {
  if (!props.user) return <SignInRequired onSignIn={props.onSignInRequired} />;
  return (
    <ApiProvider>
      <Routes>
        <Route index element={<MyApplicationsPage {...props} user={props.user} />} />
        <Route path="new" element={<StartApplicationPage basePath={props.basePath} />} />
        <Route path="*" element={<MyApplicationsPage {...props} user={props.user} />} />
      </Routes>
    </ApiProvider>
  );
}
