/**
 * What the side panel needs from the browser, as plain async functions. Implemented in
 * utils/browser/panel-api.ts and passed to the panel from entrypoints/sidepanel/main.tsx, so the
 * components stay pure views (and component tests pass a fake).
 */
import type { Entry } from '../../knowledge/schema';
import type { InsertOutcome } from '../page/insert-text';
import type { TicketText } from '../page/ticket-extract';
import type { DraftProblem, PersonalPhrasing, PhrasingDraft } from '../personal/phrasings';
import type { SearchHit, SearchOptions, SearchOutcome } from '../search/types';
import type { Settings } from '../settings';

/**
 * Something asked of the panel from elsewhere: open an entry, search, or write a new personal phrasing
 * from text selected on a page (「保存为我的话术」).
 */
export type PanelRequest =
  | { type: 'open'; id: string }
  | { type: 'search'; query: string }
  | { type: 'compose'; text: string };

export interface PanelState {
  settings: Settings;
  recents: string[];
  favorites: string[];
  usage: Record<string, number>;
}

/** Why insertion did not happen; `copied` says whether the text went to the clipboard instead. */
export type InsertResult =
  | Extract<InsertOutcome, { ok: true }>
  | { ok: false; reason: Extract<InsertOutcome, { ok: false }>['reason'] | 'no-tab' | 'no-access'; copied: boolean };

/** Page suggestions for the tab beside the panel. */
export type SuggestionStatus =
  | { state: 'unknown-site' } // the panel cannot see the tab's address (no access granted yet)
  | { state: 'off'; origin: string; granted: boolean } // not enabled for this site (access may exist already)
  | { state: 'on'; origin: string; ticket: TicketText };

/**
 * The active entries and the engine over their index. The engine comes with the corpus (loaded after the
 * panel takes typing), so the panel's first paint never waits for it.
 */
export interface Corpus {
  entries: readonly Entry[];
  search(query: string, options?: SearchOptions): SearchHit[];
  /** As `search`, plus the words a sentence or pasted message was searched by (shown under the box). */
  searchWithWords(query: string, options?: SearchOptions): SearchOutcome;
  /** The agent's own phrasings among `entries` (「我的话术」), by id; searched with the rest by `search`. */
  personal?: ReadonlyMap<string, PersonalPhrasing>;
}

export type PersonalSaveResult = { ok: true; record: PersonalPhrasing } | { ok: false; problems: DraftProblem[] };

/**
 * 「我的话术」: create, edit, delete (and undo) the agent's own phrasings. The corpus carries them
 * (`Corpus.personal`); a change reaches the panel as a new corpus (`watchPacks`).
 */
export interface PersonalApi {
  /** Adds a phrasing (no `id`) or changes one; `guidelines` are the ids a link may point at. */
  save(draft: PhrasingDraft, id: string | undefined, guidelines: ReadonlySet<string>): Promise<PersonalSaveResult>;
  /** Deletes a phrasing; returns it, for undo. */
  remove(id: string): Promise<PersonalPhrasing | undefined>;
  /** Undoes a delete. */
  restore(record: PersonalPhrasing): Promise<void>;
}

export interface PanelApi {
  /** The active entries and their search index (cached by the packs feature, so opening stays fast). */
  loadCorpus(): Promise<Corpus>;
  /**
   * Calls back when the searched entries change: packs imported, toggled or reset, and the agent's own
   * phrasings changed (here, in another page, or from another browser); returns an unsubscribe.
   */
  watchPacks(onChange: () => void): () => void;
  loadState(): Promise<PanelState>;
  toggleFavorite(id: string): Promise<string[]>;
  /** Calls back with the favourites when they change elsewhere (another page, another browser). */
  watchFavorites?(onChange: (favorites: string[]) => void): () => void;
  /** After a copy or insert: recents and usage counts. */
  noteUsed(id: string): Promise<Pick<PanelState, 'recents' | 'usage'>>;
  recordNoResult(query: string): Promise<void>;
  copy(text: string): Promise<boolean>;
  insert(text: string): Promise<InsertResult>;
  /** Placeholder values remembered for the tab beside the panel. */
  fieldValues(): Promise<Record<string, string>>;
  rememberFieldValues(values: Record<string, string>): Promise<void>;
  /** Calls back with a pending fresh request now, and with each new one; returns an unsubscribe. */
  watchRequests(onRequest: (request: PanelRequest) => void): () => void;
  suggestionStatus(): Promise<SuggestionStatus>;
  /** Asks the browser for access to the site unless granted (must run from a click), then turns suggestions on. */
  enableSuggestions(origin: string, granted: boolean): Promise<boolean>;
  close(): void;
  /**
   * Only where the panel is the transient search popup (Firefox): opens the sidebar with this entry or query
   * and closes the popup. Must be called from the key or click handler (the sidebar needs the gesture).
   */
  openInSidebar?(request: PanelRequest): void;
  /** 「我的话术」; surfaces without them leave it out. */
  personal?: PersonalApi;
}
