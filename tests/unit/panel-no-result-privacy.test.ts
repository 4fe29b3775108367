/**
 * The no-result log keeps no customer data: numbers that identify someone and e-mail addresses are masked
 * before anything is stored, and nothing stays longer than 90 days — in the pure log and through the real
 * adapter (the panel's write, the options page's read) on WXT's fake browser.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createOptionsApi } from '../../utils/browser/options-api';
import { createPanelApi } from '../../utils/browser/panel-api';
import { noResultLogItem } from '../../utils/browser/storage';
import {
  cleanNoResultLog,
  maskSensitive,
  NO_RESULT_MAX_AGE_DAYS,
  type NoResultRecord,
  recordNoResult,
} from '../../utils/panel/no-result-log';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23);

describe('masking a query before it is stored', () => {
  it.each([
    ['客户 13812345678 要退款', '客户 [手机号] 要退款'],
    ['+86 138 1234 5678 来电', '[手机号] 来电'],
    ['１３８１２３４５６７８ 投诉', '[手机号] 投诉'],
    ['身份证11010519491231002X核实', '身份证[身份证号]核实'],
    ['身份证 110105194912310021', '身份证 [身份证号]'],
    ['卡号 6222 0212 3456 7890 123 扣款', '卡号 [银行卡号] 扣款'],
    ['6222021234567890 退款', '[银行卡号] 退款'],
    ['座机 010-62345678 打不通', '座机 [电话] 打不通'],
    ['wang.li+cs@mail.example.com.cn 没收到邮件', '[邮箱] 没收到邮件'],
    ['订单20261123000123未发货', '订单[数字]未发货'],
    ['保单号 P2026112300018X 丢失', '保单号 P[数字]X 丢失'],
  ])('%s → %s', (query, masked) => {
    expect(maskSensitive(query)).toBe(masked);
  });

  it.each(['7天无理由退货', '2024年的保单', '拨打95511', '退款3-5个工作日', 'tuikuan', '保单ds'])(
    'keeps %s (no personal number in it)',
    (query) => {
      expect(maskSensitive(query)).toBe(query);
    },
  );

  it('stores the masked query, counting the same question about two customers as one', () => {
    let log = recordNoResult([], '13812345678 要退款', NOW);
    log = recordNoResult(log, '13987654321 要退款', NOW + 1);
    expect(log).toEqual([{ query: '[手机号] 要退款', count: 2, firstAt: NOW, lastAt: NOW + 1 }]);
    expect(log.map((r) => r.query).join()).not.toMatch(/\d{6}/);
    // A long query is cut after masking: no number is ever stored half in clear.
    const long = `${'退'.repeat(197)}13812345678`;
    expect(recordNoResult([], long, NOW)[0]?.query).toBe(`${'退'.repeat(197)}[手机`);
  });
});

describe('the 90-day limit', () => {
  const old: NoResultRecord = { query: '旧问题', count: 3, firstAt: NOW - 200 * DAY, lastAt: NOW - 91 * DAY };
  const recent: NoResultRecord = { query: '新问题', count: 1, firstAt: NOW - 95 * DAY, lastAt: NOW - 89 * DAY };

  it('drops entries last searched more than 90 days ago, on every write and read', () => {
    expect(NO_RESULT_MAX_AGE_DAYS).toBe(90);
    expect(recordNoResult([old, recent], '另一个', NOW).map((r) => r.query)).toEqual(['另一个', '新问题']);
    expect(cleanNoResultLog([old, recent], NOW)).toEqual([recent]);
  });

  it('masks and merges what an older release stored in clear', () => {
    const clear: NoResultRecord[] = [
      { query: '13812345678 退款', count: 2, firstAt: NOW - 5 * DAY, lastAt: NOW - 4 * DAY },
      { query: '13987654321 退款', count: 1, firstAt: NOW - 3 * DAY, lastAt: NOW - 2 * DAY },
    ];
    expect(cleanNoResultLog(clear, NOW)).toEqual([
      { query: '[手机号] 退款', count: 3, firstAt: NOW - 5 * DAY, lastAt: NOW - 2 * DAY },
    ]);
  });
});

describe('the no-result log in storage (the real adapter)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('the panel stores masked queries and drops expired ones when it writes', async () => {
    const expired: NoResultRecord = { query: '旧', count: 1, firstAt: 1, lastAt: Date.now() - 100 * DAY };
    await noResultLogItem.setValue([expired]);
    await createPanelApi().recordNoResult('客户13812345678退款没到');
    const stored = await noResultLogItem.getValue();
    expect(stored.map((r) => r.query)).toEqual(['客户[手机号]退款没到']);
    // Nothing of it kept aside as "damaged" either.
    expect(await fakeBrowser.storage.local.get('noResultLog:corrupt')).toEqual({});
  });

  it('the options page reads only what may be kept, and removes the rest from storage', async () => {
    const now = Date.now();
    await noResultLogItem.setValue([
      { query: 'a@b.cn 登录不了', count: 1, firstAt: now - DAY, lastAt: now - DAY },
      { query: '过期的', count: 4, firstAt: now - 120 * DAY, lastAt: now - 95 * DAY },
    ]);
    const state = await createOptionsApi().load();
    expect(state.noResults.map((r) => r.query)).toEqual(['[邮箱] 登录不了']);
    expect((await noResultLogItem.getValue()).map((r) => r.query)).toEqual(['[邮箱] 登录不了']);
    expect(await fakeBrowser.storage.local.get('noResultLog:corrupt')).toEqual({});
  });
});
