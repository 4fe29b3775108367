import { describe, expect, it } from 'vitest';
import { type Catalog, translator } from '../../utils/i18n';

const catalog: Catalog<'hello'> = {
  'zh-CN': { hello: '你好，{name}' },
  en: { hello: 'Hello, {name}' },
};

describe('translator', () => {
  it('fills parameters in the chosen language and leaves unknown ones as written', () => {
    expect(translator(catalog, 'en')('hello', { name: '王' })).toBe('Hello, 王');
    expect(translator(catalog, 'zh-CN')('hello', { name: '王' })).toBe('你好，王');
    expect(translator(catalog, 'zh-CN')('hello')).toBe('你好，{name}');
  });

  it('returns the same function for a catalog and language, so memoized views do not redo work', () => {
    expect(translator(catalog, 'en')).toBe(translator(catalog, 'en'));
    expect(translator(catalog, 'en')).not.toBe(translator(catalog, 'zh-CN'));
  });
});
