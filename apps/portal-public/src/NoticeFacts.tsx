import { formatDate, type Locale } from "@kechuang/ui";
import { Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { publicNamespace } from "./messages";
import { policyPath } from "./paths";

interface NoticeLike {
  applicationTitle: string;
  leadUnitName: string;
  opensOn: string;
  closesOn: string;
  policyId: string;
}

/** What every notice states, open or past: the application, its lead unit, the period and the policy. */
export function NoticeFacts({
  notice,
  basePath,
  locale,
  policyTitle,
  children,
}: {
  notice: NoticeLike;
  basePath: string;
  locale: Locale;
  policyTitle(policyId: string): string;
  /** Shown between the lead unit and the period (an open notice's text). */
  children?: ReactNode;
}) {
  const { t } = useTranslation(publicNamespace);
  return (
    <>
      <Typography.Text strong>{notice.applicationTitle}</Typography.Text>
      <Typography.Text type="secondary">
        {t("publicity.leadUnit", { name: notice.leadUnitName })}
      </Typography.Text>
      {children}
      <Space wrap size="middle">
        <span>
          {t("publicity.period", {
            from: formatDate(notice.opensOn, locale),
            to: formatDate(notice.closesOn, locale),
          })}
        </span>
        <span>
          {t("publicity.policy")}
          <Link to={policyPath(basePath, notice.policyId)}>{policyTitle(notice.policyId)}</Link>
        </span>
      </Space>
    </>
  );
}
