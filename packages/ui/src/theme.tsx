import { App as AntApp, ConfigProvider, type ThemeConfig } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";
import type { Locale } from "./portal";

/**
 * Tags of these colours print their 7th shade on their 1st (green, orange, gold: 2.7–3.4:1); one or two
 * shades darker reaches WCAG AA's 4.5:1. Blue, red, purple, magenta and geekblue already do. antd names
 * each shade twice (orange7 and the older "orange-7", one CSS variable), so both are set.
 */
const readableTagText = Object.fromEntries(
  Object.entries({
    green: "#237804",
    orange: "#ad4e00",
    gold: "#874d00",
    cyan: "#006d75",
    lime: "#3f6600",
    volcano: "#ad2102",
    yellow: "#876800",
  }).flatMap(([color, shade]) => [
    [`${color}7`, shade],
    [`${color}-7`, shade],
  ]),
);

/**
 * Ant Design is the one component library for the shell and all portals: it is what Chinese
 * government users already know, it ships a zh_CN locale, and its tables and forms are keyboard-
 * and screen-reader-accessible. It is a Module Federation singleton, so this theme and locale,
 * set once by the shell, reach every portal through React context.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#1d4f91",
    // Links otherwise take antd's info blue (#1677ff, 4.1:1 on white); the primary blue is 8:1.
    colorLink: "#1d4f91",
    // Secondary text (Typography type="secondary", descriptions, empty states) at antd's default 45 % black is
    // 3.4:1 on white and less on the grey page background; 60 % meets WCAG AA's 4.5:1 on both.
    colorTextTertiary: "rgba(0, 0, 0, 0.6)",
    colorTextDescription: "rgba(0, 0, 0, 0.6)",
    // antd 6 Select placeholders are real text (axe checks them): 25 % black is 1.6:1, 57 % is 4.7:1.
    colorTextPlaceholder: "rgba(0, 0, 0, 0.57)",
    // antd's default red (#ff4d4f) under white badge numbers or as error text is 3.3:1; this red is 5:1.
    colorError: "#cf1322",
    colorSuccessText: "#237804",
    colorWarningText: "#874d00",
    ...readableTagText,
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Segoe UI", Roboto, sans-serif',
  },
};

export const antdLocale = (locale: Locale) => (locale === "en" ? enUS : zhCN);

export function UiProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    // No space inserted between two CJK characters in buttons: "登录", not "登 录" (also the accessible name).
    <ConfigProvider theme={theme} locale={antdLocale(locale)} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
