/** User settings: shape, defaults and repair of stored values. Pure: storage lives in utils/browser/storage.ts. */
import * as v from 'valibot';

export const UI_LANGUAGES = ['zh-CN', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const SettingsSchema = v.object({
  /** Items in the daily quiz set. */
  quizSize: v.pipe(v.number(), v.integer(), v.minValue(3), v.maxValue(20)),
  uiLanguage: v.picklist(UI_LANGUAGES),
  /** Record searches that found nothing, locally, for the authors' report. */
  recordNoResults: v.boolean(),
  /** Origins (e.g. `https://acme.zendesk.com`) where the agent allowed page suggestions. */
  suggestionSites: v.array(v.string()),
  /** Per-host CSS selectors for the ticket subject and latest customer message; agents can edit them. */
  ticketSelectors: v.array(v.object({ host: v.string(), subject: v.string(), message: v.string() })),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  quizSize: 5,
  uiLanguage: 'zh-CN',
  recordNoResults: true,
  suggestionSites: [],
  ticketSelectors: [],
};

/** Keeps every valid field of a stored value and defaults the rest, so one bad field loses nothing else. */
export function repairSettings(stored: unknown): Settings {
  if (!stored || typeof stored !== 'object') return { ...DEFAULT_SETTINGS };
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, schema] of Object.entries(SettingsSchema.entries)) {
    const value = (stored as Record<string, unknown>)[key];
    if (v.is(schema, value)) out[key] = value;
  }
  return out as Settings;
}
