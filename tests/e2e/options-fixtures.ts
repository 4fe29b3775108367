/** Generated team packs for the options e2e tests and the import benchmark: deterministic, varied Chinese text. */
const WORDS = [
  '退款',
  '物流',
  '发票',
  '会员',
  '积分',
  '优惠券',
  '地址',
  '快递',
  '投诉',
  '售后',
  '换货',
  '维修',
  '保修',
  '账号',
  '密码',
  '支付',
  '扣款',
  '订单',
  '取消',
  '延迟',
  '破损',
  '缺件',
  '催单',
  '补发',
  '赔偿',
  '升级',
  '回访',
  '工单',
  '客服',
  '预约',
  '安装',
  '价格',
  '保价',
  '活动',
  '返现',
  '签收',
  '拒收',
  '自提',
  '门店',
  '库存',
];
const VERBS = ['查询', '修改', '申请', '处理', '核实', '解释', '安抚', '跟进', '确认', '登记'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function bigPack(count: number, id = 'big-team'): Record<string, unknown> {
  const next = rng(count);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const entries: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const a = pick(WORDS);
    const b = pick(WORDS);
    const v = pick(VERBS);
    const common = {
      id: `${id}-${i}`,
      title: `${a}${v}：${b}问题 ${i}`,
      tags: [a],
      keywords: [`${a}${b}`, `${b}${v}`, `${a}怎么${v}`],
      provenance: { source: 'team-handbook.xlsx', section: a, number: (i % 500) + 1 },
      reviewedAt: `2026-0${(i % 9) + 1}-15`,
    };
    if (i % 10 < 7) {
      entries.push({
        kind: 'phrasing',
        ...common,
        text: `{客户称呼}您好，关于${a}${v}的问题，我们会在${(i % 48) + 1}小时内为您${pick(VERBS)}${b}，请您放心。`,
      });
    } else if (i % 10 < 9) {
      entries.push({
        kind: 'guideline',
        ...common,
        scenario: `客户来电反映${a}${b}，希望尽快${v}。`,
        steps: [`核实${a}信息`, `说明${b}规则`, `${v}并记录工单`],
        phrasings: [`您好，我先帮您核实${a}的情况。`],
        keyPoints: [`先${v}再承诺`],
      });
    } else {
      entries.push({
        kind: 'question',
        questionType: 'single',
        ...common,
        stem: `客户询问${a}${b}时，第一步应当？`,
        options: [
          { key: 'A', text: `直接承诺${b}` },
          { key: 'B', text: `先核实${a}信息` },
        ],
        answer: 'B',
      });
    }
  }
  return { format: 'agent-coach-pack', formatVersion: 1, id, name: `大型团队知识包 ${count}`, entries };
}
