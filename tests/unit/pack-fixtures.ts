/** A small valid team pack with every entry kind, and helpers shared by the pack tests. */
import type { Pack } from '../../knowledge/schema';
import {
  commitImport,
  type ImportMode,
  type ImportSource,
  type LibraryStore,
  type Outcome,
  previewImport,
} from '../../utils/packs/import';
import { EMPTY_LIBRARY, type PackLibrary, repairLibrary } from '../../utils/packs/library';

const common = (id: string, title: string) => ({
  id,
  title,
  tags: ['退款'],
  keywords: ['退款慢', '钱没到账'],
  provenance: { source: 'acme-handbook.docx', section: '三、退款', number: 2 },
  reviewedAt: '2026-01-15',
});

export function teamPack(id = 'acme-support', name = 'Acme 客服规范'): Pack {
  return {
    format: 'agent-coach-pack',
    formatVersion: 1,
    id,
    name,
    entries: [
      {
        kind: 'guideline',
        ...common(`${id}-refund-delay`, '退款迟迟未到账'),
        scenario: '客户反映退款一周仍未到账，语气焦急。',
        steps: ['核实退款单号与状态', '说明到账时效'],
        phrasings: ['{客户称呼}您好，我马上为您核实退款进度，请稍等。'],
        keyPoints: ['先核实再承诺'],
      },
      {
        kind: 'phrasing',
        ...common(`${id}-apology`, '致歉话术'),
        text: '非常抱歉给您带来不便，我们会尽快处理。',
        guidelineId: `${id}-refund-delay`,
      },
      {
        kind: 'question',
        questionType: 'single',
        ...common(`${id}-q-single`, '退款超时先做什么'),
        stem: '客户催退款时，第一步应当？',
        options: [
          { key: 'A', text: '直接承诺今天到账' },
          { key: 'B', text: '核实退款单号与状态' },
        ],
        answer: 'B',
        explanation: '先核实再承诺。',
      },
      {
        kind: 'question',
        questionType: 'multiple',
        ...common(`${id}-q-multiple`, '退款沟通要点'),
        stem: '以下哪些是退款沟通要点？',
        options: [
          { key: 'A', text: '核实' },
          { key: 'B', text: '承诺' },
          { key: 'C', text: '给出时间' },
        ],
        answer: ['A', 'C'],
      },
      {
        kind: 'question',
        questionType: 'truefalse',
        ...common(`${id}-q-tf`, '能否直接承诺'),
        stem: '可以不核实直接承诺到账时间。',
        answer: false,
      },
      {
        kind: 'question',
        questionType: 'open',
        ...common(`${id}-q-open`, '如何安抚'),
        stem: '客户情绪激动时如何安抚？',
        referencePoints: ['先共情', '再给方案'],
      },
    ],
  };
}

export const encode = (text: string) => new TextEncoder().encode(text);
export const CLOCK = { now: Date.UTC(2026, 10, 23), today: '2026-11-23' };

/** Stores the library as JSON text, exactly as storage would persist it, so tests can compare bytes. */
export class MemoryStore implements LibraryStore {
  text: string;
  writes = 0;
  constructor(initial: PackLibrary | null) {
    this.text = JSON.stringify(initial);
  }
  async read(): Promise<PackLibrary> {
    const stored: unknown = JSON.parse(this.text);
    return stored === null ? { ...EMPTY_LIBRARY } : repairLibrary(stored, CLOCK.now).library;
  }
  async write(next: PackLibrary, expectedRevision: number) {
    if ((await this.read()).revision !== expectedRevision) return { ok: false as const, message: 'changed elsewhere' };
    this.writes++;
    this.text = JSON.stringify(next);
    return { ok: true as const, library: next };
  }
}

/** What the options page does with a chosen file: preview it, then apply the preview to the store. */
export async function importFile(
  store: MemoryStore,
  builtin: readonly Pack[],
  source: ImportSource,
  mode: ImportMode,
): Promise<Outcome<{ library: PackLibrary }>> {
  const library = await store.read();
  const preview = previewImport(library, builtin, source, CLOCK.today);
  if (!preview.ok) return preview;
  const meta = { from: source.fileName, now: CLOCK.now, previewRevision: library.revision };
  return commitImport(store, builtin, preview.preview.pack, mode, meta);
}
