import type { Role, SessionUser } from "@kechuang/domain";
import { ApiProvider, addMessages, EmptyState, type Locale, type PortalProps } from "@kechuang/ui";
import { useTranslation } from "react-i18next";
import { Route, Routes, useNavigate } from "react-router";
import { AccountsPage } from "./admin/AccountsPage";
import { AuditPage } from "./admin/AuditPage";
import { SecurityPage } from "./admin/SecurityPage";
import { ApplicationPage } from "./detail/ApplicationPage";
import { EvaluationPage } from "./evaluations/EvaluationPage";
import { EvaluationsPage } from "./evaluations/EvaluationsPage";
import { PortalNav } from "./evaluations/PortalNav";
import { reviewerEn, reviewerNamespace, reviewerZhCN } from "./messages";
import { ChangesQueuePage } from "./platforms/ChangesQueuePage";
import { PlatformPage } from "./platforms/PlatformPage";
import { PlatformsPage } from "./platforms/PlatformsPage";
import { ReportQueuePage } from "./platforms/ReportQueuePage";
import { QueuePage } from "./QueuePage";
import { hasReviewQueue } from "./queue";
import { TargetsIndex, TargetsPage } from "./targets/TargetsPage";

addMessages(reviewerNamespace, { "zh-CN": reviewerZhCN, en: reviewerEn });

/** Each administrator sees only their own duty's screen (三员分立); the server enforces the same split. */
function adminScreen(role: Role, locale: Locale, user: SessionUser) {
  switch (role) {
    case "system-admin":
      return <AccountsPage locale={locale} selfId={user.id} />;
    case "security-admin":
      return <SecurityPage locale={locale} selfId={user.id} />;
    case "audit-admin":
      return <AuditPage locale={locale} />;
    default:
      return null;
  }
}

/** Exposed as portal_reviewer/App. Routes are relative to where the shell mounted us. */
export default function ReviewerPortal(props: PortalProps) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const navigate = useNavigate();
  const { user, locale } = props;
  if (!user) {
    return (
      <EmptyState
        title={t("common:state.signInRequired")}
        description={t("signInRequired")}
        next={{ label: t("common:user.signIn"), onClick: props.onSignInRequired }}
      />
    );
  }
  const admin = adminScreen(user.role, locale, user);
  if (admin) {
    return (
      <ApiProvider>
        <Routes>
          <Route path="*" element={admin} />
        </Routes>
      </ApiProvider>
    );
  }
  if (!hasReviewQueue(user.role)) {
    return (
      <EmptyState
        title={t("noQueue.title")}
        description={t("noQueue.hintApplicant")}
        next={{ label: t("noQueue.nextApplicant"), onClick: () => navigate("/apply") }}
      />
    );
  }
  return (
    <ApiProvider>
      <PortalNav role={user.role} />
      <Routes>
        <Route index element={<QueuePage locale={locale} user={user} />} />
        <Route path="evaluations" element={<EvaluationsPage locale={locale} user={user} />} />
        <Route path="evaluations/:evaluationId" element={<EvaluationPage locale={locale} user={user} />} />
        <Route path="platforms" element={<PlatformsPage basePath={props.basePath} locale={locale} />} />
        <Route
          path="platforms/:platformId"
          element={<PlatformPage basePath={props.basePath} locale={locale} user={user} />}
        />
        <Route
          path="reports"
          element={<ReportQueuePage basePath={props.basePath} locale={locale} user={user} />}
        />
        <Route path="targets" element={<TargetsIndex user={user} />} />
        <Route path="targets/:policyId" element={<TargetsPage locale={locale} user={user} />} />
        <Route path="changes" element={<ChangesQueuePage basePath={props.basePath} locale={locale} />} />
        <Route path=":id" element={<ApplicationPage locale={locale} user={user} />} />
        <Route path="*" element={<QueuePage locale={locale} user={user} />} />
      </Routes>
    </ApiProvider>
  );
}
