/** A small pack and a fake panel api on it, for the panel's component tests. */
import { vi } from 'vitest';
import type { Entry } from '../../knowledge/schema';
import type { Corpus, PanelApi, PanelRequest, PanelState } from '../../utils/panel/api';
import { buildIndex, search, searchWithWords } from '../../utils/search';
import { DEFAULT_SETTINGS } from '../../utils/settings';

/** A corpus as the adapter hands it over: the entries and the engine over their index. */
export function corpusOf(entries: readonly Entry[]): Corpus {
  const index = buildIndex(entries);
  return {
    entries,
    search: (query, options) => search(index, query, options),
    searchWithWords: (query, options) => searchWithWords(index, query, options),
  };
}

export const base = {
  tags: [],
  provenance: { source: 'doc.txt', section: '四、简答题', number: 2 },
  reviewedAt: '2026-11-20',
};
export const ENTRIES: Entry[] = [
  {
    ...base,
    kind: 'guideline',
    id: 'refund-guide',
    title: '退款到账时间答复',
    keywords: ['退款多久到账'],
    scenario: '客户询问退款何时到账。',
    steps: ['核实退款单状态', '告知预计到账时间'],
    phrasings: ['您的退款已提交，请耐心等待。', '{客户称呼}您好，预计{天数}个工作日到账。'],
    keyPoints: ['不要承诺具体日期'],
    analysis: '到账时间取决于支付渠道。',
  },
  {
    ...base,
    kind: 'guideline',
    id: 'claims-promo',
    title: '一键理赔功能推广',
    keywords: ['一键理赔推广'],
    scenario: '向客户推广一键理赔功能。',
    steps: ['介绍功能'],
    phrasings: ['使用一键理赔，1分钟完成理赔！', '{客户称呼}您好，一键理赔已上线。'],
    keyPoints: [],
    errata: '「1分钟完成理赔」没有依据，不要对客户这样承诺。',
  },
  {
    ...base,
    kind: 'phrasing',
    id: 'refund-thanks',
    title: '退款致谢话术',
    keywords: ['退款感谢'],
    text: '<img src=x onerror=alert(1)>感谢您的耐心。',
  },
  {
    ...base,
    kind: 'question',
    id: 'refund-quiz',
    title: '退款时效判断题',
    keywords: ['退款时效'],
    stem: '退款一定当天到账。',
    questionType: 'truefalse',
    answer: false,
    explanation: '到账时间取决于渠道。',
  },
];

export function fakeApi(overrides: Partial<PanelApi> = {}) {
  let onRequest: ((r: PanelRequest) => void) | undefined;
  const api: PanelApi = {
    loadCorpus: async () => corpusOf(ENTRIES),
    watchPacks: () => () => undefined,
    loadState: vi.fn(),
    toggleFavorite: vi.fn(async (id: string) => [id]),
    noteUsed: vi.fn(async (id: string) => ({ recents: [id], usage: { [id]: 1 } })),
    recordNoResult: vi.fn(async () => undefined),
    copy: vi.fn(async () => true),
    insert: vi.fn(async () => ({
      ok: true as const,
      target: 'textarea' as const,
      inFrame: false,
      method: 'execCommand' as const,
    })),
    fieldValues: vi.fn(async () => ({ 客户称呼: '王女士' })),
    rememberFieldValues: vi.fn(async () => undefined),
    watchRequests: (cb) => {
      onRequest = cb;
      return () => undefined;
    },
    suggestionStatus: async () => ({ state: 'unknown-site' as const }),
    enableSuggestions: vi.fn(async () => true),
    close: vi.fn(),
    ...overrides,
  };
  return { api, request: (r: PanelRequest) => onRequest?.(r) };
}

export const STATE: PanelState = { settings: { ...DEFAULT_SETTINGS }, recents: [], favorites: [], usage: {} };
