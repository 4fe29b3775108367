/**
 * The knowledge pack format. One schema serves the built-in pack, imported team packs, the `kb` CLI
 * and the generated JSON Schema (`knowledge/pack.schema.json`) that pack authors validate against.
 */
import * as v from 'valibot';

export const PACK_FORMAT = 'agent-coach-pack';
export const PACK_FORMAT_VERSION = 1;

const nonEmpty = (what: string) => v.pipe(v.string(), v.trim(), v.nonEmpty(`${what} must not be empty`));

/** Stable ids survive edits and re-imports: lower-case ASCII, digits and dashes. */
export const EntryIdSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be 1–80 characters of a-z, 0-9 and "-", starting with a letter or digit'),
);

export const IsoDateSchema = v.pipe(v.string(), v.isoDate('must be a date written YYYY-MM-DD'));

/** Longest word a synonym group (or the concept lexicon) may hold: a word or a name, not a sentence. */
export const MAX_WORD = 16;

/** One word or short expression: no spaces, something to match (a letter, digit or Chinese character). */
export const WordSchema = v.pipe(
  v.string(),
  v.trim(),
  v.nonEmpty('word must not be empty'),
  v.maxLength(MAX_WORD, `word must be at most ${MAX_WORD} characters`),
  v.regex(/^\S+$/u, 'word must not contain spaces (one word per item)'),
  v.regex(/[\p{L}\p{N}]/u, 'word must contain a letter, digit or Chinese character'),
);

/**
 * A team's own words for one thing — product names, abbreviations, jargon (`["安心保", "安心保障计划",
 * "AXB"]`): search finds an entry written with any of them when an agent types another.
 */
export const SynonymGroupSchema = v.pipe(
  v.array(WordSchema),
  v.minLength(2, 'a synonym group needs at least 2 words'),
  v.maxLength(50, 'a synonym group may hold at most 50 words'),
);

/**
 * Content fields a curator may have written rather than transcribed. Titles, tags and keywords are not
 * listed: in every entry they are the pack author's labels for finding it, never source text.
 */
export const CURATABLE_FIELDS = [
  'scenario',
  'steps',
  'phrasings',
  'keyPoints',
  'analysis',
  'example',
  'text',
  'situation',
  'stem',
  'options',
  'answer',
  'explanation',
  'referencePoints',
] as const;
export type CuratableField = (typeof CURATABLE_FIELDS)[number];

/**
 * Where an entry comes from. Only `source` is required: a team's own phrasing has no section or number of a
 * source document. The built-in pack, curated from documents, must give both (`fullProvenance` in
 * knowledge/loader.ts, used by knowledge/builtin.ts and its integrity test).
 */
export const ProvenanceSchema = v.strictObject({
  /** File name of the source document, e.g. `000_aa52c15dceb5420d.txt`, or a team's own reference. */
  source: nonEmpty('source'),
  /** Section heading in the source, e.g. `一、单选题`. */
  section: v.optional(nonEmpty('section')),
  /** The question or scenario number inside that section, as printed in the source. */
  number: v.optional(v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more'))),
  /** What the curator changed or could not recover, in one line. */
  note: v.optional(v.string()),
  /**
   * What the source prints under the section heading for the whole section (e.g. its 考察点 line), kept
   * with each entry of that section and shown with the entry's source.
   */
  sectionIntro: v.optional(nonEmpty('sectionIntro')),
  /**
   * Fields the curator wrote, compiled or reworded instead of transcribing them from the source (e.g. a
   * scenario made up for a short-answer question). The UI marks them as not being source text.
   */
  curated: v.optional(
    v.pipe(
      v.array(v.picklist(CURATABLE_FIELDS, `must be a content field: ${CURATABLE_FIELDS.join(', ')}`)),
      v.minLength(1, 'must not be empty'),
    ),
  ),
});

const baseFields = {
  id: EntryIdSchema,
  title: nonEmpty('title'),
  tags: v.array(nonEmpty('tag')),
  /** How agents phrase the problem in a live ticket: colloquial words, synonyms, related terms. */
  keywords: v.array(nonEmpty('keyword')),
  provenance: ProvenanceSchema,
  /** Set when the source is wrong or contradicts itself: the UI shows this note next to the content. */
  errata: v.optional(nonEmpty('errata')),
  /** Set when the source text is cut off: the entry keeps what exists and says so. */
  truncated: v.optional(v.boolean()),
  reviewedAt: IsoDateSchema,
};

/** A handling guideline: a situation and what to do and say in it. */
export const GuidelineSchema = v.strictObject({
  kind: v.literal('guideline'),
  ...baseFields,
  scenario: nonEmpty('scenario'),
  steps: v.pipe(v.array(nonEmpty('step')), v.minLength(1, 'must not be empty')),
  /** Sentences an agent can send as they are; `{客户称呼}`-style placeholders are filled in before use. */
  phrasings: v.array(nonEmpty('phrasing')),
  keyPoints: v.array(nonEmpty('key point')),
  analysis: v.optional(nonEmpty('analysis')),
  example: v.optional(nonEmpty('example')),
});

/** A single line an agent can send, with the situation it fits. */
export const PhrasingSchema = v.strictObject({
  kind: v.literal('phrasing'),
  ...baseFields,
  text: nonEmpty('text'),
  situation: v.optional(nonEmpty('situation')),
  /** The guideline this phrasing belongs to, if any. */
  guidelineId: v.optional(EntryIdSchema),
});

export const OptionSchema = v.strictObject({
  key: v.pipe(v.string(), v.regex(/^[A-Z]$/, 'must be one capital letter A–Z')),
  text: nonEmpty('option text'),
});

const questionFields = {
  kind: v.literal('question'),
  ...baseFields,
  stem: nonEmpty('stem'),
  explanation: v.optional(nonEmpty('explanation')),
  /** The guideline that teaches this question's content ("open in side panel"). */
  guidelineId: v.optional(EntryIdSchema),
};

export const SingleChoiceSchema = v.strictObject({
  ...questionFields,
  questionType: v.literal('single'),
  options: v.pipe(v.array(OptionSchema), v.minLength(2, 'needs at least 2 options')),
  answer: v.pipe(v.string(), v.regex(/^[A-Z]$/, 'must be one option key')),
});

export const MultipleChoiceSchema = v.strictObject({
  ...questionFields,
  questionType: v.literal('multiple'),
  options: v.pipe(v.array(OptionSchema), v.minLength(2, 'needs at least 2 options')),
  answer: v.pipe(
    v.array(v.pipe(v.string(), v.regex(/^[A-Z]$/, 'must be one option key'))),
    v.minLength(1, 'must not be empty'),
  ),
});

export const TrueFalseSchema = v.strictObject({
  ...questionFields,
  questionType: v.literal('truefalse'),
  answer: v.boolean(),
});

/** An open question: the agent recalls, then compares with the reference points. */
export const OpenQuestionSchema = v.strictObject({
  ...questionFields,
  questionType: v.literal('open'),
  referencePoints: v.pipe(v.array(nonEmpty('reference point')), v.minLength(1, 'must not be empty')),
});

export const QuestionSchema = v.variant('questionType', [
  SingleChoiceSchema,
  MultipleChoiceSchema,
  TrueFalseSchema,
  OpenQuestionSchema,
]);

export const EntrySchema = v.variant('kind', [GuidelineSchema, PhrasingSchema, QuestionSchema]);

export const PackSchema = v.strictObject({
  /** Lets editors find knowledge/pack.schema.json; ignored otherwise. */
  $schema: v.optional(v.string()),
  format: v.literal(PACK_FORMAT),
  formatVersion: v.literal(PACK_FORMAT_VERSION),
  /** Pack id: several packs can be enabled at once; entry ids are unique across enabled packs. */
  id: EntryIdSchema,
  name: nonEmpty('name'),
  description: v.optional(v.string()),
  language: v.optional(v.string()),
  updatedAt: v.optional(IsoDateSchema),
  /** The team's synonym groups, added to the built-in concept lexicon while the pack is enabled. */
  synonyms: v.optional(v.pipe(v.array(SynonymGroupSchema), v.maxLength(5000, 'at most 5000 synonym groups'))),
  entries: v.array(v.unknown()),
});

export type Provenance = v.InferOutput<typeof ProvenanceSchema>;
export type Guideline = v.InferOutput<typeof GuidelineSchema>;
export type Phrasing = v.InferOutput<typeof PhrasingSchema>;
export type SingleChoice = v.InferOutput<typeof SingleChoiceSchema>;
export type MultipleChoice = v.InferOutput<typeof MultipleChoiceSchema>;
export type TrueFalse = v.InferOutput<typeof TrueFalseSchema>;
export type OpenQuestion = v.InferOutput<typeof OpenQuestionSchema>;
export type Question = v.InferOutput<typeof QuestionSchema>;
export type Entry = v.InferOutput<typeof EntrySchema>;
export type EntryKind = Entry['kind'];
export type QuestionType = Question['questionType'];

/** A validated pack: entries are checked one by one so that one bad entry is reported by its id. */
export interface Pack {
  format: typeof PACK_FORMAT;
  formatVersion: typeof PACK_FORMAT_VERSION;
  id: string;
  name: string;
  description?: string;
  language?: string;
  updatedAt?: string;
  synonyms?: string[][];
  entries: Entry[];
}

export const ENTRY_KINDS: readonly EntryKind[] = ['guideline', 'phrasing', 'question'];
