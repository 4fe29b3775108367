/**
 * What every editor test page exposes to the matrix test as `window.__editor` (test pages only). Reads come
 * from the editor's MODEL through its own API, never from the DOM, and the caret is placed through that API.
 */
export interface EditorHarness {
  name: string;
  /** The reply's text as the editor's model holds it; paragraphs joined by "\n". */
  text(): string;
  /** Places a collapsed caret at `offset` characters into the first paragraph, and focuses the editor. */
  caret(offset: number): void;
  /** Selects characters [from, to) of the first paragraph, and focuses the editor. */
  select(from: number, to: number): void;
}

/** The reply every ticket page starts with. */
export const INITIAL_REPLY = '您好，祝您生活愉快。';

declare global {
  interface Window {
    __editor?: EditorHarness;
  }
}

export function expose(harness: EditorHarness): void {
  window.__editor = harness;
}
