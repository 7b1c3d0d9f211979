import { ApiProvider, addMessages, EmptyState, type PortalProps } from "@kechuang/ui";
import { useTranslation } from "react-i18next";
import { Route, Routes, useNavigate } from "react-router";
import { reviewerEn, reviewerNamespace, reviewerZhCN } from "./messages";
import { QueuePage } from "./QueuePage";
import { hasReviewQueue } from "./queue";

addMessages(reviewerNamespace, { "zh-CN": reviewerZhCN, en: reviewerEn });

/** Exposed as portal_reviewer/App. Routes are relative to where the shell mounted us. */
export default function ReviewerPortal(props: PortalProps) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const navigate = useNavigate();
  const { user } = props;
  if (!user) {
    return (
      <EmptyState
        title={t("common:state.signInRequired")}
        description={t("signInRequired")}
        next={{ label: t("common:user.signIn"), onClick: props.onSignInRequired }}
      />
    );
  }
  if (!hasReviewQueue(user.role)) {
    const applicant = user.role === "applicant";
    return (
      <EmptyState
        title={t("noQueue.title")}
        description={t(applicant ? "noQueue.hintApplicant" : "noQueue.hintAdmin")}
        next={{
          label: t(applicant ? "noQueue.nextApplicant" : "noQueue.nextAdmin"),
          onClick: () => navigate(applicant ? "/apply" : "/public"),
        }}
      />
    );
  }
  return (
    <ApiProvider>
      <Routes>
        <Route path="*" element={<QueuePage locale={props.locale} user={user} />} />
      </Routes>
    </ApiProvider>
  );
}
