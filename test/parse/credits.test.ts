import {
  normalizeName,
  parseByline,
  parseContributors,
  parseImageCredit,
  parseTranslators,
  splitNames,
} from '../../src/import/parse/credits';
import { countWords, detectLanguage } from '../../src/import/parse/text';
import { toIsoDate } from '../../src/import/parse/date';

describe('names', () => {
  it('title-cases all-caps Latin names and leaves Chinese and mixed-case names alone', () => {
    expect(normalizeName('DAVID PIERSON')).toBe('David Pierson');
    expect(normalizeName('CHOE SANG-HUN')).toBe('Choe Sang-Hun');
    expect(normalizeName('GABRIEL J.X. DANCE')).toBe('Gabriel J.X. Dance');
    expect(normalizeName('DAVID McCABE')).toBe('David McCabe');
    expect(normalizeName("TOM O'NEILL")).toBe("Tom O'Neill");
    expect(normalizeName('储百亮')).toBe('储百亮');
    expect(normalizeName('Rebecca Davis O’Brien')).toBe('Rebecca Davis O’Brien');
  });

  it('splits bylines on , 、 和 and & and drops duplicates and prefixes', () => {
    expect(splitNames('A、B和C and D & E, F')).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(parseByline('KONEY BAI,KONEY BAI')).toEqual(['Koney Bai']);
    expect(parseByline('本文作者：王月眉、SIYI ZHAO')).toEqual(['王月眉', 'Siyi Zhao']);
    expect(parseByline('By Jane Doe and JOHN SMITH')).toEqual(['Jane Doe', 'John Smith']);
    expect(parseByline('《纽约时报》')).toEqual([]);
  });

  it('reads contributor credits, including places and several clauses', () => {
    expect(parseContributors('Olivia Wang对本文有报道贡献。')).toEqual(['Olivia Wang']);
    expect(
      parseContributors('Chau Doan自越南河内、Elaine Yu自香港、Saw Nang自缅甸仰光对本文有报道贡献。'),
    ).toEqual(['Chau Doan', 'Elaine Yu', 'Saw Nang']);
    expect(parseContributors('Keith Bradsher对本文有报道贡献，Amy Chang Chien对本文有研究贡献。')).toEqual([
      'Keith Bradsher',
      'Amy Chang Chien',
    ]);
    expect(parseContributors('储百亮(Chris Buckley)对本文有报道贡献。')).toEqual(['储百亮']);
    expect(parseContributors('David Pearson自香港Aurelien Breeden自巴黎对本文有报道贡献。')).toEqual([
      'David Pearson',
      'Aurelien Breeden',
    ]);
    expect(
      parseContributors('Alan Rappeport and Keith Bradsher contributed reporting from Beijing.'),
    ).toEqual(['Alan Rappeport', 'Keith Bradsher']);
    expect(parseContributors('中国为世界应对气候变化作出了贡献。')).toEqual([]);
  });

  it('reads translator credits and skips the newsroom itself', () => {
    expect(parseTranslators('翻译：杜然、Harry Wong')).toEqual(['杜然', 'Harry Wong']);
    expect(parseTranslators('翻譯：晋其角')).toEqual(['晋其角']);
    expect(parseTranslators('编译：李家真-')).toEqual(['李家真']);
    expect(parseTranslators('翻译：纽约时报中文网')).toEqual([]);
    expect(parseTranslators('他说翻译很难')).toBeNull();
  });
});

describe('parseImageCredit', () => {
  it.each([
    ['Mikhail Metzel/Sputnik', 'Mikhail Metzel', 'Sputnik'],
    ['Qilai Shen for The New York Times', 'Qilai Shen', 'The New York Times'],
    ['Reuters', null, 'Reuters'],
    ['Agence France-Presse — Getty Images', null, 'Agence France-Presse — Getty Images'],
    ['美联社', null, '美联社'],
    ['Yonhap, via EPA, via Shutterstock', null, 'Yonhap, via EPA, via Shutterstock'],
    ['Pool photo by Mark Schiefelbein', 'Mark Schiefelbein', null],
    ['Xinmei Liu', 'Xinmei Liu', null],
  ])('%s', (credit, photographer, agency) => {
    expect(parseImageCredit(credit)).toEqual({ photographer, agency });
  });

  it('has nothing to say about an empty credit', () => {
    expect(parseImageCredit(null)).toEqual({ photographer: null, agency: null });
  });
});

describe('text and dates', () => {
  it('counts CJK characters one each plus Latin words', () => {
    expect(countWords('习近平与普京')).toBe(6);
    expect(countWords('The quick brown fox')).toBe(4);
    expect(countWords('苹果发布iPhone 15 Pro手机')).toBe(6 + 3);
  });

  it('detects the dominant script', () => {
    expect(detectLanguage('战略与国际研究中心的中国问题专家白明(Jude Blanchette)表示')).toBe('zh');
    expect(detectLanguage('Xi Jinping (习近平) met Vladimir Putin in Beijing on Thursday for talks.')).toBe(
      'en',
    );
  });

  it('keeps the source offset and assumes the given one for zoneless dates', () => {
    expect(toIsoDate('2024-05-20 09:02:29', '+08:00')).toBe('2024-05-20T09:02:29+08:00');
    expect(toIsoDate('2024-05-17T14:05:00-04:00')).toBe('2024-05-17T14:05:00-04:00');
    expect(toIsoDate('2024-05-17T14:05:00Z')).toBe('2024-05-17T14:05:00+00:00');
    expect(toIsoDate('Mon, 12 Aug 2024 09:30:00 +0200')).toBe('2024-08-12T09:30:00+02:00');
    expect(toIsoDate('Sun, 11 Aug 2024 18:00:00 GMT')).toBe('2024-08-11T18:00:00+00:00');
    expect(toIsoDate('2024-02-30 10:00:00')).toBeNull();
    expect(toIsoDate('yesterday')).toBeNull();
  });
});

describe('contributor credits versus body sentences', () => {
  it('does not read names out of a sentence that merely mentions contributing reporting', () => {
    expect(
      parseContributors(
        'The agency said that several freelancers, some of them students, contributed reporting to the inquiry.',
      ),
    ).toEqual([]);
    expect(parseContributors('他说，中国对本文提到的全球供应链作出了重要的、不可忽视的贡献。')).toEqual([]);
  });
});
