/**
 * The prebuilt pinyin keys in compact form (what the side panel bundles): one reading per character
 * (`同tong理li心xin…`), plus the few texts whose reading in context differs (polyphones: `银行` → `yin hang`).
 * Any text made of known characters gets pinyin from it, not only the texts it was built from.
 */
import type { PinyinSource, PinyinTable } from './pinyin-table';

export interface CompactPinyin {
  /** Each character followed by its most common syllable in the source texts. */
  chars: string;
  /** Texts whose syllables differ from reading character by character. */
  words: Record<string, string>;
}

const HAN = /\p{Script=Han}/u;

function perCharacter(text: string, chars: ReadonlyMap<string, string>): string {
  return [...text].map((ch) => chars.get(ch) ?? '').join(' ');
}

/** Compacts a table (from `pinyinOf`); deterministic: characters and words sorted. */
export function compactPinyin(table: PinyinTable): CompactPinyin {
  const counts = new Map<string, Map<string, number>>();
  for (const [text, keys] of Object.entries(table)) {
    const syllables = keys.split(' ');
    [...text].forEach((ch, i) => {
      const syl = syllables[i];
      if (!syl || !HAN.test(ch)) return;
      const c = counts.get(ch) ?? new Map<string, number>();
      c.set(syl, (c.get(syl) ?? 0) + 1);
      counts.set(ch, c);
    });
  }
  const chars = new Map<string, string>();
  for (const [ch, c] of counts) {
    // Most frequent reading; ties broken alphabetically so the output never depends on input order.
    const best = [...c].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] as [string, number];
    chars.set(ch, best[0]);
  }
  const words: Record<string, string> = {};
  for (const text of Object.keys(table).sort()) {
    const keys = table[text] as string;
    if (perCharacter(text, chars) !== keys) words[text] = keys;
  }
  return {
    chars: [...chars]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([ch, syl]) => ch + syl)
      .join(''),
    words,
  };
}

/** A pinyin source reading a compact table: context readings first, else character by character. */
export function compactSource(compact: CompactPinyin): PinyinSource {
  const chars = new Map<string, string>();
  for (const m of compact.chars.matchAll(/(\P{Ll})([a-z]+)/gu)) chars.set(m[1] as string, m[2] as string);
  return (texts) => {
    const out: Record<string, string> = {};
    for (const text of texts) {
      if (Object.hasOwn(compact.words, text)) out[text] = compact.words[text] as string;
      else if (HAN.test(text)) out[text] = perCharacter(text, chars);
    }
    return out;
  };
}

/** Tries each source in turn for the texts the previous ones left out. */
export function chainSources(...sources: PinyinSource[]): PinyinSource {
  return (texts) => {
    const out: Record<string, string> = {};
    let todo = texts;
    for (const source of sources) {
      if (todo.length === 0) break;
      Object.assign(out, source(todo));
      todo = todo.filter((t) => !Object.hasOwn(out, t));
    }
    return out;
  };
}
