import { ApiProvider, changeLocale, type Locale, type PortalName, UiProvider } from "@kechuang/ui";
import { Result, Spin } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from "react-router";
import { ChangePasswordPage } from "./auth/ChangePasswordPage";
import { passwordChangePath, signInUrlFor } from "./auth/destination";
import { SignInPage } from "./auth/SignInPage";
import { useSession, useSignOut } from "./auth/session";
import { ShellLayout } from "./layout/ShellLayout";
import { RemotePortal } from "./portals/RemotePortal";

export function App({ initialLocale }: { initialLocale: Locale }) {
  const [locale, setLocale] = useState(initialLocale);
  const switchLocale = (next: Locale) => {
    setLocale(next);
    void changeLocale(next);
  };
  return (
    <UiProvider locale={locale}>
      <ApiProvider>
        <BrowserRouter>
          <ShellRoutes locale={locale} onLocaleChange={switchLocale} />
        </BrowserRouter>
      </ApiProvider>
    </UiProvider>
  );
}

function ShellRoutes({ locale, onLocaleChange }: { locale: Locale; onLocaleChange(locale: Locale): void }) {
  const { user, isPending } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { t } = useTranslation("common");

  const portal = (name: PortalName, basePath: string, guarded: boolean) => {
    if (guarded && isPending) return <Spin style={{ display: "block", margin: 48 }} />;
    if (guarded && !user) return <Navigate to={signInUrlFor(pathname)} replace />;
    // A generated initial password is replaced before anything else (the server refuses the rest anyway).
    if (user?.mustChangePassword) return <Navigate to={passwordChangePath} replace />;
    return (
      <RemotePortal
        // A different user gets a fresh portal: no cached data from the previous session.
        key={`${name}:${user?.id ?? "anonymous"}`}
        name={name}
        basePath={basePath}
        locale={locale}
        user={user}
        onSignInRequired={() => navigate(signInUrlFor(pathname))}
      />
    );
  };

  return (
    <ShellLayout
      locale={locale}
      onLocaleChange={onLocaleChange}
      user={user}
      onSignOut={() => signOut.mutate(undefined, { onSettled: () => navigate("/") })}
    >
      <Routes>
        {/* One canonical URL per page: the public portal lives under /public. */}
        <Route index element={<Navigate to="/public" replace />} />
        <Route path="public/*" element={portal("portal_public", "/public", false)} />
        <Route path="apply/*" element={portal("portal_applicant", "/apply", true)} />
        <Route path="review/*" element={portal("portal_reviewer", "/review", true)} />
        <Route path="signin" element={<SignInPage />} />
        <Route path="account/password" element={<ChangePasswordPage />} />
        <Route path="*" element={<Result status="404" title={t("portal.notFound")} />} />
      </Routes>
    </ShellLayout>
  );
}
