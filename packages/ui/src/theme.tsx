import { App as AntApp, ConfigProvider, type ThemeConfig } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";
import type { Locale } from "./portal";

/**
 * Ant Design is the one component library for the shell and all portals: it is what Chinese
 * government users already know, it ships a zh_CN locale, and its tables and forms are keyboard-
 * and screen-reader-accessible. It is a Module Federation singleton, so this theme and locale,
 * set once by the shell, reach every portal through React context.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#1d4f91",
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
