import { EmptyState } from "@kechuang/ui";
import { useTranslation } from "react-i18next";
import { applicantNamespace } from "./messages";

export function SignInRequired({ onSignIn }: { onSignIn(): void }) {
  const { t } = useTranslation([applicantNamespace, "common"]);
  return (
    <EmptyState
      title={t("common:state.signInRequired")}
      description={t("signInRequired")}
      next={{ label: t("common:user.signIn"), onClick: onSignIn }}
    />
  );
}
