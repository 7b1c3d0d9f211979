import { initI18n, readStoredLocale, UiProvider } from "@kechuang/ui";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import App from "./App";

// Standalone page for `rsbuild dev` only; in production the shell renders ./App.
const locale = readStoredLocale();
initI18n(locale);
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <UiProvider locale={locale}>
      <BrowserRouter>
        <App basePath="" locale={locale} user={null} onSignInRequired={() => undefined} />
      </BrowserRouter>
    </UiProvider>,
  );
}
