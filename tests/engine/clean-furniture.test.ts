import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFurniture, maskFurniture } from '../../src/engine/clean-furniture.ts';
import { parseArticleFile } from '../../src/engine/parse-article-file.ts';

const SEEDS = join(import.meta.dirname, '../../data/articles');
const seed = (id: string) => parseArticleFile(id, readFileSync(join(SEEDS, `${id}.txt`)));

function furnitureTexts(id: string): Array<[string, string]> {
  const a = seed(id);
  return findFurniture(a.body, { title: a.title, outlet: a.outlet }).map((r) => [
    r.kind,
    a.body.slice(r.start, r.end),
  ]);
}

describe('findFurniture on the seeds', () => {
  it('finds image captions, their titles, teasers and the source line (express.co.uk)', () => {
    const f = furnitureTexts('000_3e3b104efa56922f');
    expect(f).toContainEqual([
      'caption',
      'Qassem Soleimani was killed in a US airstrike on Friday (Image: GETTY)',
    ]);
    expect(f).toContainEqual(['caption-title', 'Qassem Soleimani']);
    expect(f).toContainEqual([
      'teaser',
      'READ MORE:\u00A0World War 3: Trump makes vow Iran will never have nuclear weapon',
    ]);
    expect(f).toContainEqual(['teaser', 'DON’T MISS:']);
    expect(f).toContainEqual([
      'teaser',
      'WW3: NATO blasts Iran’s ‘destabilising activity’ and backs Trump\u00A0[VIDEO]',
    ]);
    expect(f).toContainEqual(['credit', 'source: express.co.uk']);
    expect(f).toContainEqual([
      'headline',
      "US tells Iraq it is preparing to 'move out' American troops as Iran crisis deepens",
    ]);
    // Body paragraphs are not furniture.
    expect(f.some(([, t]) => t.startsWith('The letter sparked widespread confusion'))).toBe(false);
  });

  it('finds the headline and its shorter repeat, the read time, the dateline and "You may like" (Daily US Times)', () => {
    const f = furnitureTexts('001_4a53385fff3b5174');
    expect(f.filter(([k]) => k === 'headline').map(([, t]) => t)).toEqual([
      'US denies Iraq pullout',
      'US denies Iraq pullout amid letter confusion',
    ]);
    expect(f).toContainEqual(['subheading', 'Iraq’s parliament resolution']);
    expect(f).toContainEqual(['navigation', '3 Min Read']);
    expect(f).toContainEqual(['dateline', 'Daily US Times, Washington: ']);
    expect(f).toContainEqual(['caption', 'Currently 5,000 US troops are in Iraq now. Source: AFP']);
    expect(f).toContainEqual([
      'teaser',
      'You may like: Trump threatens sanctions if US troops asked to leave Iraq',
    ]);
  });

  it('finds the date/advertisement line, the agency dateline and a photo caption with its credits', () => {
    const f = furnitureTexts('002_8df3ed9f1389d31c');
    expect(f).toContainEqual(['dateline', 'date 2020-01-06 advertisement']);
    expect(f).toContainEqual(['dateline', 'BAGHDAD / DUBAI – ']);
    expect(f).toContainEqual(['caption', 'Naif Rahma /']);
    expect(f).toContainEqual(['caption', 'Reuters']);
    expect(f.some(([k, t]) => k === 'caption' && t.startsWith('A Houthis supporter'))).toBe(true);
  });

  it('finds "Related news" and the server error string', () => {
    const f = furnitureTexts('003_372fb3b7e9fdadb6');
    expect(f).toContainEqual(['navigation', 'Related news']);
    expect(f).toContainEqual(['server-error', '[an error occurred while processing the directive]']);
  });

  it('finds embedded tweets with their attribution lines and the wire credit', () => {
    const f = furnitureTexts('004_8cdc7921f9d106b1');
    expect(f).toContainEqual(['tweet', '— Liz Sly (@LizSly) January 6, 2020']);
    expect(f).toContainEqual(['tweet', '— Tara Copp (@TaraCopp) January 6, 2020']);
    expect(f.filter(([k, t]) => k === 'tweet' && t.includes('pic.twitter.com'))).toHaveLength(2);
    expect(f).toContainEqual(['credit', '-with AAP']);
    expect(f.some(([k, t]) => k === 'caption' && t.endsWith('Photo: Getty'))).toBe(true);
  });
});

describe('findFurniture on other text', () => {
  it('finds a byline and keeps ordinary prose', () => {
    const body = 'By Jane Doe and John Roe\nThe minister resigned on Tuesday after a vote.\n';
    const ranges = findFurniture(body);
    expect(ranges.map((r) => [r.kind, body.slice(r.start, r.end)])).toEqual([
      ['byline', 'By Jane Doe and John Roe'],
    ]);
  });
});

describe('maskFurniture', () => {
  it('blanks furniture but keeps the length and the line breaks, so offsets still index the original', () => {
    const a = seed('003_372fb3b7e9fdadb6');
    const ranges = findFurniture(a.body, { title: a.title });
    const masked = maskFurniture(a.body, ranges);
    expect(masked.length).toBe(a.body.length);
    expect(masked.split('\n').length).toBe(a.body.split('\n').length);
    expect(masked).not.toContain('Related news');
    expect(masked).not.toContain('error occurred');
    expect(masked).toContain('Esper told reporters in Washington');
  });
});
