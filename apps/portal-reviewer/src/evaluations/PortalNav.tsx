import type { Role } from "@kechuang/domain";
import { Menu } from "antd";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { reviewerNamespace } from "../messages";

type Item = { key: string; label: string; testId: string; roles: readonly Role[] };

/** The portal's sections; the shell's bar only knows the portal itself. */
const sections = (t: (key: string) => string): Item[] => [
  {
    key: "/review",
    label: t("platforms.nav.queue"),
    testId: "nav-queue",
    roles: ["recommender", "expert", "authority"],
  },
  {
    key: "/review/platforms",
    label: t("platforms.nav.platforms"),
    testId: "nav-platforms",
    roles: ["recommender", "authority"],
  },
  {
    key: "/review/reports",
    label: t("platforms.nav.reports"),
    testId: "nav-reports",
    roles: ["recommender", "authority"],
  },
  {
    key: "/review/evaluations",
    label: t("evaluations.nav"),
    testId: "nav-evaluations",
    roles: ["expert", "authority"],
  },
  { key: "/review/changes", label: t("changes.nav"), testId: "nav-changes", roles: ["authority"] },
  {
    key: "/review/targets",
    label: t("targets.nav"),
    testId: "nav-targets",
    roles: ["authority"],
  },
];

/** The reviewer portal's own navigation: the queue and, after approval, platforms, reports and evaluations. */
export function PortalNav({ role }: { role: Role }) {
  const { t } = useTranslation(reviewerNamespace);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = sections(t).filter((item) => item.roles.includes(role));
  if (items.length < 2) return null;
  // The longest matching prefix: /review/evaluations/… is "evaluations", /review/<application> the queue.
  const selected =
    [...items]
      .sort((a, b) => b.key.length - a.key.length)
      .find((item) => pathname === item.key || pathname.startsWith(`${item.key}/`))?.key ?? "/review";
  return (
    <Menu
      mode="horizontal"
      selectedKeys={[selected]}
      items={items.map((item) => ({
        key: item.key,
        label: <span data-testid={item.testId}>{item.label}</span>,
      }))}
      onClick={({ key }) => navigate(key)}
      style={{ marginBottom: 16 }}
    />
  );
}
