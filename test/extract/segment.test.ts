import fs from 'fs';
import path from 'path';
import { loadResources } from '../../src/import/extract/gazetteer';
import { normalizeText, tokenizeAll } from '../../src/import/extract/chinese';
import { lnCorrectlyRounded, Segmenter } from '../../src/import/extract/segment';
import { parseInput } from '../../src/import/parse';
import { GOLD_ARTICLES } from './helpers';

/** The JavaScript segmenter must cut exactly as the native jieba does (extraction output depends on it). */
describe('segmenter', () => {
  const res = loadResources();
  const native = (text: string): string[] => res.jieba.cut(text, false);

  const texts: string[] = [];
  const roots = [
    GOLD_ARTICLES,
    path.join(__dirname, '..', '..', 'seeds'),
    path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'nyt-cn'),
  ];
  for (const root of roots) {
    if (!fs.existsSync(root)) continue;
    for (const f of fs.readdirSync(root).sort()) {
      const file = path.join(root, f);
      if (!fs.statSync(file).isFile()) continue;
      for (const a of parseInput({ source: file, bytes: fs.readFileSync(file) }).articles) {
        texts.push([a.title, ...a.paragraphs].map(normalizeText).join('\n'));
        texts.push([a.title, ...a.paragraphs].join('\n'));
      }
    }
  }

  it('cuts the articles as the native jieba does', () => {
    expect(texts.length).toBeGreaterThan(20);
    let tokens = 0;
    for (const t of texts) {
      const want = native(t);
      tokens += want.length;
      expect(res.segmenter.cut(t)).toEqual(want);
    }
    expect(tokens).toBeGreaterThan(10000);
  });

  it('cuts mixed scripts, dictionary words with Latin letters and whitespace as the native jieba does', () => {
    const cases = [
      '',
      'a',
      'abc网球拍卖会def',
      '他穿着T恤衫用C++和c#写了AT&T的IP地址，卡拉OK',
      'γ射线和X射线，江南Style，阿Q正传',
      '第1号店 4S店\r\n下一行\n\r上一行\t制表\u3000全角空格\u00a0不换行',
      '2024年5月20日，GDP增长5.2%，A股-B股_C股#1+2',
      '\u3400\u4dbf\u4dc0\u9fff\ua000\uf900\ufaff\ufb00 ＡＢ１２ é Ω …—·・',
      '我们中出了一个叛徒',
      '南京市长江大桥研究生命的起源',
      '   ',
      '\r\n\r\n',
    ];
    for (const t of cases) expect(res.segmenter.cut(t)).toEqual(native(t));
  });

  it('leaves text with surrogates to the native jieba', () => {
    expect(Segmenter.handles('中\ud800文')).toBe(false);
    for (const t of ['𠀀𠀁中文', '表情👪符号']) {
      expect(Segmenter.handles(t)).toBe(false);
      expect(tokenizeAll(res, [t])[0].tokens).toEqual(native(t));
    }
  });

  it('rounds logarithms correctly where Math.log is one unit off', () => {
    // ln(3) = 1.09861228866810969139..., ln(48) = 3.87120101090789092...
    expect(lnCorrectlyRounded(3)).toBe(1.0986122886681098);
    expect(lnCorrectlyRounded(48)).toBe(3.871201010907891);
    expect(lnCorrectlyRounded(1)).toBe(0);
    for (const n of [2, 10, 1000, 60101967])
      expect(Math.abs(lnCorrectlyRounded(n) - Math.log(n))).toBeLessThan(1e-14);
  });
});
