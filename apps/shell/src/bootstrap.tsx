import { initI18n, readStoredLocale } from "@kechuang/ui";
import { createRoot } from "react-dom/client";
import { App } from "./App";

const locale = readStoredLocale();
initI18n(locale);
document.documentElement.lang = locale;

const root = document.getElementById("root");
if (root) createRoot(root).render(<App initialLocale={locale} />);
