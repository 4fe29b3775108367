/**
 * A small team pack as a team lead would write it: their own guideline, phrasings with and without a source
 * section, a question. Used by the entry editor e2e and by scripts/screenshots.ts.
 */
export const ACME_PACK = {
  format: 'agent-coach-pack',
  formatVersion: 1,
  id: 'acme-support',
  name: 'Acme 客服规范',
  entries: [
    {
      kind: 'guideline',
      id: 'acme-refund-delay',
      title: '退款迟迟未到账',
      tags: ['退款'],
      keywords: ['退款慢', '钱没到账', '催退款'],
      provenance: { source: 'Acme 客服手册', section: '三、退款', number: 2 },
      reviewedAt: '2026-11-01',
      scenario: '客户反映退款一周仍未到账，语气焦急。',
      steps: ['核实退款单号与状态', '说明到账时效', '超时则升级财务并约定回电时间'],
      phrasings: ['{客户称呼}您好，我马上为您核实退款进度，请稍等。'],
      keyPoints: ['先核实再承诺', '给出明确时间'],
    },
    {
      kind: 'phrasing',
      id: 'acme-greeting',
      title: '开场问候',
      tags: ['问候'],
      keywords: ['开场白', '打招呼'],
      // A team's own line: no section or number of a source document.
      provenance: { source: 'Acme 客服组' },
      reviewedAt: '2026-11-01',
      text: '{客户称呼}您好，这里是 Acme 客服，很高兴为您服务。',
    },
    {
      kind: 'phrasing',
      id: 'acme-refund-wait',
      title: '退款请稍等',
      tags: ['退款'],
      keywords: ['退款进度', '等退款'],
      provenance: { source: 'Acme 客服组' },
      reviewedAt: '2026-11-01',
      text: '您的退款已加急处理，预计{天数}个工作日内到账，到账后我们会短信通知您。',
      guidelineId: 'acme-refund-delay',
    },
    {
      kind: 'question',
      questionType: 'single',
      id: 'acme-refund-q1',
      title: '退款超时先做什么',
      tags: ['退款'],
      keywords: ['退款超时'],
      provenance: { source: 'Acme 客服手册', section: '三、退款', number: 2 },
      reviewedAt: '2026-11-01',
      stem: '客户催退款时，第一步应当？',
      options: [
        { key: 'A', text: '直接承诺今天到账' },
        { key: 'B', text: '核实退款单号与状态' },
      ],
      answer: 'B',
      explanation: '先核实再承诺，避免无法兑现。',
      guidelineId: 'acme-refund-delay',
    },
  ],
};
