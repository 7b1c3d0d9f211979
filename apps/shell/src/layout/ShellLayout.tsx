import { roleLabels, type SessionUser } from "@kechuang/domain";
import { type Locale, localized } from "@kechuang/ui";
import { Button, Dropdown, Grid, Layout, Menu, Segmented, Space, Typography } from "antd";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { passwordChangePath, signInPath } from "../auth/destination";
import { DemoBanner } from "./DemoBanner";
import { SkipLink } from "./SkipLink";

/** The main landmark's id: the skip link's target. */
const mainId = "main-content";

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
  // Below md (phones) the nav wraps to its own row under the brand and controls, so nothing scrolls sideways.
  const narrow = Grid.useBreakpoint().md === false;
  const title = t("product.shortName");

  // The tab title follows the language, as <html lang> does (set by changeLocale).
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <SkipLink target={mainId} label={t("a11y.skipToContent")} />
      <Layout.Header
        style={{
          display: "flex",
          alignItems: "center",
          flexWrap: narrow ? "wrap" : "nowrap",
          columnGap: narrow ? 8 : 24,
          paddingInline: narrow ? 12 : 24,
          ...(narrow ? { height: "auto", lineHeight: "normal", paddingBlock: 8, rowGap: 4 } : {}),
        }}
      >
        <Typography.Text
          strong
          style={{ color: "#fff", fontSize: narrow ? 16 : 18, whiteSpace: "nowrap", marginInlineEnd: "auto" }}
        >
          {title}
        </Typography.Text>
        <nav
          aria-label={t("a11y.mainNav")}
          style={narrow ? { order: 3, flexBasis: "100%", minWidth: 0 } : { flex: 1, minWidth: 0 }}
        >
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={selectedNav(pathname)}
            items={navItems.map((item) => ({ key: item.key, label: t(item.label) }))}
            onClick={({ key }) => navigate(key)}
            style={narrow ? { lineHeight: "40px" } : undefined}
          />
        </nav>
        <Space size={narrow ? "small" : "middle"}>
          <Segmented<Locale>
            aria-label={t("locale.switchLabel")}
            size={narrow ? "small" : "middle"}
            value={props.locale}
            onChange={props.onLocaleChange}
            options={[
              // Each language named in itself, and marked so (a screen reader reads it in that language).
              { value: "zh-CN", label: <span lang="zh-CN">中文</span> },
              { value: "en", label: <span lang="en">English</span> },
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
      {/* Focusable so the skip link can move focus here; the only <main> on the page (portals add none). */}
      <Layout.Content id={mainId} tabIndex={-1} style={{ padding: narrow ? 12 : 24, outline: "none" }}>
        {props.children}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: "center" }}>{t("product.fullName")}</Layout.Footer>
    </Layout>
  );
}
