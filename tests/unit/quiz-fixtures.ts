/** A small hand-made pack for quiz tests: every question type, guidelines with and without phrasings. */
import type { Entry } from '../../knowledge/schema';

const base = (id: string, number: number) => ({
  id,
  title: `标题 ${id}`,
  tags: [],
  keywords: [],
  provenance: { source: 'fixture.txt', section: '测试', number },
  reviewedAt: '2026-11-01',
});

export const FIXTURE_ENTRIES: Entry[] = [
  {
    ...base('refund-delay', 1),
    kind: 'guideline',
    scenario: '客户投诉退款迟迟未到账',
    steps: ['1. 先安抚客户情绪', '2. 查询退款进度', '3. 告知预计到账时间', '4. 记录并跟进'],
    phrasings: ['非常理解您着急的心情，我马上为您查询退款进度。'],
    keyPoints: ['共情', '给出明确时间'],
    analysis: '先处理情绪，再处理事情。',
  },
  {
    ...base('angry-caller', 2),
    kind: 'guideline',
    scenario: '客户情绪激动，在电话中辱骂坐席',
    steps: ['首先保持冷静，不与客户争执', '然后倾听并确认客户诉求', '最后提出解决方案'],
    phrasings: ['您先别着急，我一定会帮您处理好。', '请您放心，这件事我会负责到底。'],
    keyPoints: ['不争执', '确认诉求'],
  },
  {
    ...base('address-change', 3),
    kind: 'guideline',
    scenario: '客户要求修改已发货订单的收货地址',
    steps: ['核实订单状态', '联系物流拦截'],
    phrasings: ['我这边先帮您联系物流尝试拦截，请稍候。'],
    keyPoints: ['核实状态'],
  },
  {
    ...base('wrong-source', 4),
    kind: 'guideline',
    scenario: '源文件步骤自相矛盾的情形',
    steps: ['步骤甲', '步骤乙', '步骤丙'],
    phrasings: ['这是一句话术。'],
    keyPoints: ['要点'],
    errata: '原文第二步与第三步顺序矛盾，以主管口径为准。',
  },
  {
    ...base('linked-phrasing', 5),
    kind: 'phrasing',
    text: '感谢您的耐心等待，退款已经在处理中了。',
    guidelineId: 'refund-delay',
  },
  {
    ...base('q-single', 6),
    kind: 'question',
    questionType: 'single',
    stem: '客户情绪激动时，坐席首先应该？',
    options: [
      { key: 'A', text: '安抚情绪' },
      { key: 'B', text: '挂断电话' },
      { key: 'C', text: '转给同事' },
    ],
    answer: 'A',
    explanation: '先处理情绪，再处理事情。',
    guidelineId: 'angry-caller',
  },
  {
    ...base('q-multiple', 7),
    kind: 'question',
    questionType: 'multiple',
    stem: '以下哪些属于服务礼仪？',
    options: [
      { key: 'A', text: '使用敬语' },
      { key: 'B', text: '打断客户' },
      { key: 'C', text: '耐心倾听' },
      { key: 'D', text: '及时回复' },
    ],
    answer: ['C', 'A', 'D'],
  },
  {
    ...base('q-tf', 8),
    kind: 'question',
    questionType: 'truefalse',
    stem: '坐席可以向客户透露其他客户的订单信息。',
    answer: false,
    explanation: '客户信息必须保密。',
  },
  {
    ...base('q-open', 9),
    kind: 'question',
    questionType: 'open',
    stem: '简述处理投诉的基本流程。',
    referencePoints: ['倾听', '致歉', '解决', '跟进'],
  },
  {
    ...base('q-errata', 10),
    kind: 'question',
    questionType: 'single',
    stem: '答案印错的一道题',
    options: [
      { key: 'A', text: '甲' },
      { key: 'B', text: '乙' },
    ],
    answer: 'B',
    errata: '原答案 B 有误，应为 A。',
  },
];
