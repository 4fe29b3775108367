/**
 * Quiz items generated from pack entries. Ids are stable (`q:`, `order:`, `phrase:`, `recall:` + entry id) so
 * a schedule survives pack edits; presentation (option order, step shuffle) is seeded by item id and day.
 *
 * Errata: an entry whose source is known to be wrong (`errata`) never becomes an auto-graded item — its
 * answer key may be the wrong part — and its phrasings are never offered as a choice in a phrasing item.
 * Recall cards still come from it and show the note next to the content.
 */
import type { Entry, Guideline, Question } from '../../knowledge/schema';
import { hashString } from '../text/hash';
import type { DayKey } from './day';
import { seededDerangedShuffle, seededShuffle } from './seeded';

export interface ItemBase {
  id: string;
  /** The entry the item was made from. */
  entryId: string;
  /** What 「在侧边栏中查看」 opens: the teaching guideline when known, else the entry itself. */
  sourceId: string;
  sourceTitle: string;
  /** Pack text shown as the question: a stem or a scenario. */
  prompt: string;
  explanation?: string;
}

export interface Option {
  key: string;
  text: string;
}

export interface ChoiceItem extends ItemBase {
  /** `phrase`: which phrasing fits this situation (single answer). */
  type: 'single' | 'multiple' | 'phrase';
  options: Option[];
  answer: string[];
}

export interface TrueFalseItem extends ItemBase {
  type: 'truefalse';
  answer: boolean;
}

export interface OrderItem extends ItemBase {
  type: 'order';
  /** The steps in the right order. */
  steps: string[];
  /** Presentation: `shown[i]` is the index in `steps` of the i-th step on screen. */
  shown: number[];
}

export interface RecallItem extends ItemBase {
  type: 'recall';
  /** What the agent compares their recall with. */
  points: string[];
  /** Guideline steps, in order (scenario cards only). */
  steps: string[];
  /** The source is wrong here, or cut off: shown with the reference. */
  note?: string;
  truncated: boolean;
}

export type QuizItem = ChoiceItem | TrueFalseItem | OrderItem | RecallItem;
export type QuizItemType = QuizItem['type'];

const MIN_ORDER_STEPS = 3;
const PHRASE_OPTIONS = 4;
const KEYS = 'ABCDEFGHIJ';

/** Leading numbering or sequence words would give the order away. */
const ORDINAL =
  /^\s*(?:第[一二三四五六七八九十\d]+步[:：，,、]?|[(（]?\d{1,2}[)）.、．:：]|[一二三四五六七八九十]{1,2}[、.．:：]|(?:首先|其次|然后|接着|再次|最后|最终)[，,：:、]?)\s*/;

/** Words that put a step in time ("先…", "后续…"): parallel lists (KPIs, tools, measures) have none. */
const SEQUENCE_CUE =
  /首先|(?:^|[：:，,。；;\s])先|然后|接着|随后|之后|最后|最终|后续|第一时间|立即|马上|回访|跟进|事后|再次/;
const NUMBERED = /^\s*(?:第[一二三四五六七八九十\d]+步|[(（]?\d{1,2}[)）.、．])/;

/**
 * Whether a guideline's steps are a sequence worth ordering. The pack format has no "ordered" flag and
 * many guidelines list parallel points as steps (three KPIs, three tools), where any order is right; so
 * only steps that are numbered, or where at least two carry a sequence word, make an ordering item.
 */
export function looksOrdered(steps: readonly string[]): boolean {
  const count = (re: RegExp) => steps.filter((step) => re.test(step)).length;
  return count(NUMBERED) >= 2 || count(SEQUENCE_CUE) >= 2;
}

export function stripOrdinal(step: string): string {
  const stripped = step.replace(ORDINAL, '');
  return stripped.trim() === '' ? step : stripped;
}

function questionItem(q: Question): QuizItem | null {
  const base = {
    entryId: q.id,
    sourceId: q.guidelineId ?? q.id,
    sourceTitle: q.title,
    prompt: q.stem,
    explanation: q.explanation,
  };
  if (q.questionType === 'open') {
    return {
      ...base,
      id: `recall:${q.id}`,
      type: 'recall',
      points: q.referencePoints,
      steps: [],
      note: q.errata,
      truncated: q.truncated === true,
    };
  }
  if (q.errata) return null;
  const id = `q:${q.id}`;
  if (q.questionType === 'truefalse') return { ...base, id, type: 'truefalse', answer: q.answer };
  // Options keep their printed keys and order: explanations refer to them ("B 错在…").
  return {
    ...base,
    id,
    type: q.questionType,
    options: q.options,
    answer: q.questionType === 'single' ? [q.answer] : q.answer.slice().sort(),
  };
}

/** What every item made from a guideline shares: it teaches itself, with its scenario as the question. */
function fromGuideline(g: Guideline) {
  return { entryId: g.id, sourceId: g.id, sourceTitle: g.title, prompt: g.scenario };
}

function guidelineRecall(g: Guideline): RecallItem {
  return {
    ...fromGuideline(g),
    id: `recall:${g.id}`,
    explanation: g.analysis,
    type: 'recall',
    points: g.keyPoints,
    steps: g.steps,
    note: g.errata,
    truncated: g.truncated === true,
  };
}

function orderItem(g: Guideline, day: DayKey): OrderItem | null {
  // A cut-off guideline may be missing steps, so its order is not a fair question.
  if (g.errata || g.truncated || g.steps.length < MIN_ORDER_STEPS || !looksOrdered(g.steps)) return null;
  const steps = g.steps.map(stripOrdinal);
  if (new Set(steps).size !== steps.length) return null;
  const id = `order:${g.id}`;
  return {
    ...fromGuideline(g),
    id,
    explanation: g.analysis,
    type: 'order',
    steps,
    shown: seededDerangedShuffle(
      steps.map((_, i) => i),
      `${id}|${day}`,
    ),
  };
}

function phraseItem(g: Guideline, own: string[], others: Map<string, string[]>, day: DayKey): ChoiceItem | null {
  if (g.errata || own.length === 0) return null;
  const id = `phrase:${g.id}`;
  const seed = `${id}|${day}`;
  const ownSet = new Set(own);
  const pool = [...others]
    .filter(([otherId]) => otherId !== g.id)
    .flatMap(([, texts]) => texts)
    .filter((text) => !ownSet.has(text));
  const distractors = [...new Set(seededShuffle(pool, `${seed}|distractors`))].slice(0, PHRASE_OPTIONS - 1);
  if (distractors.length === 0) return null;
  const correct = seededShuffle(own, `${seed}|correct`)[0] as string;
  const texts = seededShuffle([correct, ...distractors], `${seed}|order`);
  const options = texts.map((text, i) => ({ key: KEYS[i] as string, text }));
  return {
    ...fromGuideline(g),
    id,
    type: 'phrase',
    options,
    answer: [options.find((o) => o.text === correct)?.key as string],
  };
}

/**
 * Phrasings per guideline: its own plus phrasing entries linked to it. A phrasing whose entry carries an
 * erratum is none of them: it must not be taught as the answer nor shown as a sentence to pick.
 */
function phrasingsByGuideline(entries: readonly Entry[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of entries) if (e.kind === 'guideline') out.set(e.id, e.errata ? [] : [...e.phrasings]);
  for (const e of entries) {
    if (e.kind === 'phrasing' && e.guidelineId && !e.errata) out.get(e.guidelineId)?.push(e.text);
  }
  for (const [id, texts] of out) out.set(id, [...new Set(texts)]);
  return out;
}

/** Every item the entries yield, presented for `day`. */
export function generateItems(entries: readonly Entry[], day: DayKey): QuizItem[] {
  const phrasings = phrasingsByGuideline(entries);
  const items: QuizItem[] = [];
  for (const e of entries) {
    if (e.kind === 'question') {
      const item = questionItem(e);
      if (item) items.push(item);
    } else if (e.kind === 'guideline') {
      items.push(guidelineRecall(e));
      const order = orderItem(e, day);
      if (order) items.push(order);
      const phrase = phraseItem(e, phrasings.get(e.id) ?? [], phrasings, day);
      if (phrase) items.push(phrase);
    }
  }
  return items;
}

/** Order in which never-seen items are introduced: a stable mix of types and sources, not pack order. */
export function newItemRank(id: string): number {
  return hashString(`new|${id}`);
}

export function countByType(items: readonly QuizItem[]): Record<QuizItemType, number> {
  const out: Record<QuizItemType, number> = { single: 0, multiple: 0, truefalse: 0, phrase: 0, order: 0, recall: 0 };
  for (const item of items) out[item.type]++;
  return out;
}
