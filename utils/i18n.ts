/** Tiny typed message catalogs with a runtime language (the browser's i18n API cannot switch language). */
import type { UiLanguage } from './settings';

export type Catalog<K extends string> = Record<UiLanguage, Record<K, string>>;
export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

/** `{name}` in a message is replaced by `params.name`. */
export function translator<K extends string>(catalog: Catalog<K>, lang: UiLanguage): Translate<K> {
  const messages = catalog[lang] ?? catalog['zh-CN'];
  return (key, params) => {
    const text = messages[key] ?? catalog['zh-CN'][key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

/** The UI language to use when the agent has not chosen one: the browser's, if it is Chinese. */
export function defaultLanguage(browserLanguage: string): UiLanguage {
  return browserLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
