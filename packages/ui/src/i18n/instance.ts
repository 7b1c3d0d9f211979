import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { defaultLocale, type Locale, locales } from "../portal";
import { commonEn } from "./common.en";
import { commonZhCN } from "./common.zh-CN";
import type { MessageTree } from "./messages";

/**
 * One i18n instance for the whole page. i18next and react-i18next are Module Federation singletons,
 * so the shell and every portal import the same `i18next` default instance: the shell switches the
 * language once and every portal re-renders. Portals add their own namespace with `addMessages`.
 */
export const localeStorageKey = "kechuang.locale";

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (locales as readonly string[]).includes(value);

/** The saved locale, or zh-CN. Storage can be missing or blocked (private mode): never throw. */
export function readStoredLocale(storage: Pick<Storage, "getItem"> | undefined = globalStorage()): Locale {
  try {
    const saved = storage?.getItem(localeStorageKey);
    return isLocale(saved) ? saved : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

export function storeLocale(
  locale: Locale,
  storage: Pick<Storage, "setItem"> | undefined = globalStorage(),
): void {
  try {
    storage?.setItem(localeStorageKey, locale);
  } catch {
    // Not persisting the choice is acceptable; the page still switches language.
  }
}

function globalStorage(): Storage | undefined {
  return typeof localStorage === "undefined" ? undefined : localStorage;
}

/** Initialise the shared instance once; later calls (from portals) just return it. */
export function initI18n(locale: Locale = readStoredLocale()): i18n {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { "zh-CN": { common: commonZhCN }, en: { common: commonEn } },
      lng: locale,
      fallbackLng: defaultLocale,
      supportedLngs: [...locales],
      ns: ["common"],
      defaultNS: "common",
      // React escapes; i18next escaping would double-escape.
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  }
  return i18next;
}

/** Switch the page's language, remember it, and set <html lang>. */
export async function changeLocale(locale: Locale): Promise<void> {
  storeLocale(locale);
  if (typeof document !== "undefined") document.documentElement.lang = locale;
  await initI18n(locale).changeLanguage(locale);
}

/** A portal's own messages, one namespace per portal. Idempotent: remounting a portal is harmless. */
export function addMessages(namespace: string, messages: Record<Locale, MessageTree>): void {
  const instance = initI18n();
  for (const locale of locales) {
    if (!instance.hasResourceBundle(locale, namespace)) {
      instance.addResourceBundle(locale, namespace, messages[locale], true, true);
    }
  }
}
