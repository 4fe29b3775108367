/** Tiny typed message catalogs with a runtime language (the browser's i18n API cannot switch language). */
import type { UiLanguage } from './settings';

export type Catalog<K extends string> = Record<UiLanguage, Record<K, string>>;
export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

const made = new WeakMap<object, Map<UiLanguage, Translate<string>>>();

/**
 * `{name}` in a message is replaced by `params.name`. The same function for the same catalog and language:
 * views call this on every render and list it among hook dependencies (the panel's search memo among them).
 */
export function translator<K extends string>(catalog: Catalog<K>, lang: UiLanguage): Translate<K> {
  let byLang = made.get(catalog);
  if (!byLang) {
    byLang = new Map();
    made.set(catalog, byLang);
  }
  let t = byLang.get(lang) as Translate<K> | undefined;
  if (!t) {
    const messages = catalog[lang] ?? catalog['zh-CN'];
    t = (key, params) => {
      const text = messages[key] ?? catalog['zh-CN'][key] ?? key;
      return params
        ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
        : text;
    };
    byLang.set(lang, t as Translate<string>);
  }
  return t;
}
