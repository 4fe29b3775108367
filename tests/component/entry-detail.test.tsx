// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EntryDetail } from '../../components/shared/EntryDetail';
import type { Entry } from '../../knowledge/schema';

afterEach(cleanup);

const guide: Entry = {
  kind: 'guideline',
  id: 'made-from-question',
  title: '用同理心处理投诉',
  tags: [],
  keywords: [],
  provenance: {
    source: 'exam.txt',
    section: '四、简答题',
    number: 2,
    sectionIntro: '考察点：沟通能力、问题解决能力。',
    curated: ['scenario', 'keyPoints'],
  },
  reviewedAt: '2026-11-23',
  scenario: '客户来投诉、情绪不满时。',
  steps: ['倾听客户诉求，避免打断'],
  phrasings: [],
  keyPoints: ['安抚情绪与问题解决需同步进行。'],
};

describe('EntryDetail: provenance', () => {
  it('marks the fields the curator wrote and lists them with the source', () => {
    render(<EntryDetail entry={guide} lang="zh-CN" />);
    expect(screen.getByText('客户来投诉、情绪不满时。').closest('p')?.textContent).toBe(
      '场景（编者撰写）：客户来投诉、情绪不满时。',
    );
    // (happy-dom puts a space between an element and its child span when naming it)
    expect(screen.getByRole('heading', { name: /^要点\s?（编者撰写）$/ })).toBeTruthy();
    // Steps are the source's words: no mark.
    expect(screen.getByRole('heading', { name: '处理步骤' })).toBeTruthy();
    expect(screen.getByText('不是原文，由编者撰写或改写：场景、要点')).toBeTruthy();
  });

  it('says it in English too', () => {
    render(<EntryDetail entry={guide} lang="en" />);
    expect(screen.getByRole('heading', { name: 'Key points (curator’s text)' })).toBeTruthy();
    expect(
      screen.getByText('Not in the source, written or reworded by the curators: Scenario, Key points'),
    ).toBeTruthy();
  });

  it('shows the section line of the source with the entry', () => {
    render(<EntryDetail entry={guide} lang="zh-CN" />);
    expect(screen.getByText('本部分（四、简答题）考察点：沟通能力、问题解决能力。')).toBeTruthy();
  });

  it('marks nothing when the curator wrote nothing', () => {
    const { provenance, ...rest } = guide;
    render(
      <EntryDetail
        entry={{ ...rest, provenance: { source: 'exam.txt', section: '四、简答题', number: 2 } }}
        lang="zh-CN"
      />,
    );
    expect(screen.queryByText(/编者撰写/)).toBeNull();
    expect(screen.queryByText(/本部分/)).toBeNull();
  });
});
