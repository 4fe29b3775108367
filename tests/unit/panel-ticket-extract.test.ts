// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readTicket } from '../../utils/page/ticket-extract';
import { hostMatches, selectorsForHost } from '../../utils/panel/ticket-selectors';
import { suggestForTicket } from '../../utils/panel/ticket-suggest';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('reading the ticket', () => {
  it('matches hosts exactly or by *. suffix', () => {
    expect(hostMatches('*.zendesk.com', 'acme.zendesk.com')).toBe(true);
    expect(hostMatches('*.zendesk.com', 'zendesk.com')).toBe(true);
    expect(hostMatches('*.zendesk.com', 'evilzendesk.com')).toBe(false);
    expect(hostMatches('crm.example.com', 'CRM.example.com')).toBe(true);
  });

  it('puts the agent’s selectors before the built-in ones for the host', () => {
    const custom = [{ host: 'acme.zendesk.com', subject: '.my-subject', message: '.my-msg' }];
    const list = selectorsForHost('acme.zendesk.com', custom);
    expect(list[0]).toEqual({ subject: '.my-subject', message: '.my-msg' });
    expect(list.length).toBe(2);
    expect(selectorsForHost('example.org', custom)).toEqual([]);
  });

  it('uses selectors: first subject, LAST message, skipping the agent’s own draft', () => {
    const doc = page(`
      <div class="subj">  退款进度  </div>
      <div class="msg">第一条留言</div>
      <div class="msg">最新的 客户留言</div>
      <div contenteditable="true"><div class="msg">坐席草稿</div></div>`);
    expect(readTicket([{ subject: '.subj', message: '.msg' }], doc)).toEqual({
      subject: '退款进度',
      message: '最新的 客户留言',
    });
  });

  it('falls back to generic heuristics and survives a mistyped selector', () => {
    const doc = page(`<main><h1>快递卡在海关</h1></main><div class="comment">包裹一周没动了</div>`);
    expect(readTicket([{ subject: '##bad[', message: ')))' }], doc)).toEqual({
      subject: '快递卡在海关',
      message: '包裹一周没动了',
    });
  });

  it('reads a subject input field', () => {
    const doc = page(`<input name="subject" value="发票重开"><div class="message">请帮我重开发票</div>`);
    expect(readTicket([], doc)).toEqual({ subject: '发票重开', message: '请帮我重开发票' });
  });
});

describe('suggestions for a ticket', () => {
  it('searches subject and message, keeps each entry once with its best score, best first', () => {
    const entry = (id: string) => ({ id }) as never;
    const run = (q: string) =>
      q === 'S'
        ? [
            { entry: entry('a'), score: 1, matches: [], partial: false, asTyped: true },
            { entry: entry('b'), score: 5, matches: [], partial: false, asTyped: true },
          ]
        : [{ entry: entry('a'), score: 9, matches: [], partial: false, asTyped: true }];
    const hits = suggestForTicket({ subject: 'S', message: 'M' }, run);
    expect(hits.map((h) => [h.entry.id, h.score])).toEqual([
      ['a', 9],
      ['b', 5],
    ]);
    expect(suggestForTicket({ subject: ' ', message: '' }, run)).toEqual([]);
  });
});
