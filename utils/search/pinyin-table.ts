/**
 * Pinyin keys travel as a table: normalized field text → its syllables, one per code point joined by
 * spaces ('' for a character without pinyin), e.g. `同理心` → `tong li xin`, `ai客服` → `  ke fu`.
 * Computing them needs pinyin-pro (≈140 KB gzipped), so it happens at build time (built-in pack) or
 * import time (team packs, `./pinyin.ts`), never in the side panel; the panel only reads tables.
 */
export type PinyinTable = Readonly<Record<string, string>>;

/** Produces the table entries for the given normalized texts (texts without pinyin may be left out). */
export type PinyinSource = (texts: readonly string[]) => PinyinTable;

/** A source that only looks texts up in prebuilt tables, first table first. */
export function tableSource(...tables: PinyinTable[]): PinyinSource {
  return (texts) => {
    const out: Record<string, string> = {};
    for (const text of texts) {
      for (const table of tables) {
        const keys = Object.hasOwn(table, text) ? table[text] : undefined;
        if (keys !== undefined) {
          out[text] = keys;
          break;
        }
      }
    }
    return out;
  };
}

/**
 * Syllables per UTF-16 unit of `text` from a table value (a character outside the BMP gets its syllable
 * on its first unit), or undefined when there is none or it does not line up with the text.
 */
export function syllablesOf(text: string, keys: string | undefined): string[] | undefined {
  if (keys === undefined) return undefined;
  const perCodePoint = keys.split(' ');
  const out: string[] = [];
  let k = 0;
  for (const ch of text) {
    out.push(perCodePoint[k++] ?? '');
    if (ch.length === 2) out.push('');
  }
  return k === perCodePoint.length && out.some(Boolean) ? out : undefined;
}
