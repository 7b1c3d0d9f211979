import { roleLabels, type SessionUser } from "@kechuang/domain";
import { type Locale, localized } from "@kechuang/ui";
import { Button, Dropdown, Layout, Menu, Segmented, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { passwordChangePath, signInPath } from "../auth/destination";
import { DemoBanner } from "./DemoBanner";

const navItems = [
  { key: "/public", label: "nav.public" },
  { key: "/apply", label: "nav.apply" },
  { key: "/review", label: "nav.review" },
] as const;

/** The nav item for the current page; none on pages outside the portals (e.g. sign-in). */
const selectedNav = (path: string): string[] => {
  const item = navItems.find((candidate) => path.startsWith(candidate.key));
  return item ? [item.key] : [];
};

export function ShellLayout(props: {
  locale: Locale;
  onLocaleChange(locale: Locale): void;
  user: SessionUser | null;
  onSignOut(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation("common");
  const navigate = useNavigate();
  const { pathname } = useLocation();

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header style={{ display: "flex", alignItems: "center", gap: 24, paddingInline: 24 }}>
        <Typography.Text strong style={{ color: "#fff", fontSize: 18, whiteSpace: "nowrap" }}>
          科创 · Kechuang
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          aria-label={t("product.fullName")}
          selectedKeys={selectedNav(pathname)}
          items={navItems.map((item) => ({ key: item.key, label: t(item.label) }))}
          onClick={({ key }) => navigate(key)}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Space size="middle">
          <Segmented<Locale>
            aria-label={t("locale.switchLabel")}
            value={props.locale}
            onChange={props.onLocaleChange}
            options={[
              { value: "zh-CN", label: "中文" },
              { value: "en", label: "English" },
            ]}
          />
          {props.user ? (
            <Dropdown
              menu={{
                items: [
                  {
                    key: "role",
                    disabled: true,
                    label: t("user.role", { role: localized(roleLabels[props.user.role], props.locale) }),
                  },
                  { type: "divider" },
                  {
                    key: "change-password",
                    label: t("user.changePassword"),
                    onClick: () => navigate(passwordChangePath),
                  },
                  { key: "sign-out", label: t("user.signOut"), onClick: props.onSignOut },
                ],
              }}
            >
              <Button data-testid="user-menu">{props.user.displayName}</Button>
            </Dropdown>
          ) : (
            <Button type="primary" onClick={() => navigate(signInPath)}>
              {t("user.signIn")}
            </Button>
          )}
        </Space>
      </Layout.Header>
      <DemoBanner />
      <Layout.Content style={{ padding: 24 }}>{props.children}</Layout.Content>
      <Layout.Footer style={{ textAlign: "center" }}>{t("product.fullName")}</Layout.Footer>
    </Layout>
  );
}
