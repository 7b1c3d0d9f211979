import { Segmented } from "antd";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { applicantNamespace } from "../messages";

/** 我的申报 | 我的平台: the applicant portal's two halves, before and after approval. */
export function PortalNav({ basePath }: { basePath: string }) {
  const { t } = useTranslation(applicantNamespace);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const onPlatforms = pathname.startsWith(`${basePath}/platforms`);
  return (
    <Segmented
      style={{ marginBottom: 16 }}
      data-testid="applicant-nav"
      value={onPlatforms ? "platforms" : "applications"}
      options={[
        {
          value: "applications",
          label: <span data-testid="nav-applications">{t("platforms.nav.applications")}</span>,
        },
        {
          value: "platforms",
          label: <span data-testid="nav-platforms">{t("platforms.nav.platforms")}</span>,
        },
      ]}
      onChange={(value) => navigate(value === "platforms" ? `${basePath}/platforms` : basePath)}
    />
  );
}
