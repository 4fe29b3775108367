/**
 * The two source documents the built-in pack was curated from. They live outside the repository
 * (`shared/seeds/` next to the checkout, or next to the folder holding several worktrees), so tests that
 * compare the pack with them look upwards for that folder and skip when it is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as OpenCC from 'opencc-js';

export const EXAM = '000_aa52c15dceb5420d.txt';
export const GUIDE = '002_bb7ca4a5a115a2b7.txt';

function findSeedDir(): string | undefined {
  // COACH_SHARED_DIR names the folder holding seeds/ (and eval/) when the checkout is elsewhere.
  const named = process.env.COACH_SHARED_DIR;
  if (named) {
    const candidate = join(named, 'seeds');
    return existsSync(join(candidate, EXAM)) && existsSync(join(candidate, GUIDE)) ? candidate : undefined;
  }
  let dir = resolve(__dirname, '../..');
  for (;;) {
    const candidate = join(dir, 'shared', 'seeds');
    if (existsSync(join(candidate, EXAM)) && existsSync(join(candidate, GUIDE))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export const SEED_DIR = findSeedDir();
if (!SEED_DIR) {
  console.warn(
    '\n!!! shared/seeds not found next to the checkout or any folder above it: comparisons of the built-in pack' +
      ' with its source documents are SKIPPED. Set COACH_SHARED_DIR to the folder holding seeds/.\n',
  );
}

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

/**
 * Text reduced to what a transcription must keep: simplified characters, no pinyin glosses such as
 * `級(jí)`, no punctuation or spaces (the curators normalized those).
 */
export function comparable(text: string): string {
  return toSimplified(text)
    .replace(/[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]/gu, '')
    .replace(/[^\p{Script=Han}A-Za-z0-9%]/gu, '');
}

/** A seed file, comparable; only call when `SEED_DIR` is set. */
export function seedText(file: string): string {
  if (!SEED_DIR) throw new Error('shared/seeds not found');
  return comparable(readFileSync(join(SEED_DIR, file), 'utf8'));
}

/**
 * Share of `text` made of runs of at least 4 characters (or the whole text, when shorter) found verbatim
 * in one of `sources`. Transcribed text scores 1 or close to it (a repaired character or a dropped word);
 * text the curator wrote scores low, because only common words match.
 */
export function coverage(text: string, sources: readonly string[]): number {
  const t = comparable(text);
  const found = (s: string) => sources.some((src) => src.includes(s));
  if (t.length < 4) return found(t) ? 1 : 0;
  let covered = 0;
  let i = 0;
  while (i < t.length) {
    let len = 0;
    while (i + len < t.length && found(t.slice(i, i + len + 1))) len++;
    if (len >= 4) {
      covered += len;
      i += len;
    } else i++;
  }
  return covered / t.length;
}

/**
 * What a provenance note quotes (“…”), with every possible end quote: repair notes quote text that
 * itself contains ”, e.g. “。”解析：考察危机公关能力”.
 */
export function quotedInNote(note: string | undefined): string[] {
  if (!note) return [];
  const out: string[] = [];
  for (let open = note.indexOf('“'); open >= 0; open = note.indexOf('“', open + 1)) {
    const nextOpen = note.indexOf('“', open + 1);
    const end = nextOpen < 0 ? note.length : nextOpen;
    for (let close = note.indexOf('”', open + 1); close >= 0 && close < end; close = note.indexOf('”', close + 1)) {
      out.push(note.slice(open + 1, close));
    }
  }
  return out;
}
