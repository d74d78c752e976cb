import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simplifiedToTraditional, wholeSimplifiedToTraditional } from '../../../src/domain/to-traditional.ts';

/** Every text file under a folder, as lines. */
function linesUnder(folder: string): string[] {
  const lines: string[] = [];
  for (const name of readdirSync(folder)) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) lines.push(...linesUnder(full));
    else if (/\.(ya?ml|mdx?|csv)$/.test(name)) lines.push(...readFileSync(full, 'utf8').split('\n'));
  }
  return lines.filter((line) => line.trim() !== '');
}

describe('Simplified → Traditional, converted with the entries a text can match', () => {
  const whole = wholeSimplifiedToTraditional();

  it('gives what opencc-js gives with its whole dictionaries, on phrases it has, CJK compatibility ideographs and mixed text', () => {
    const texts = [
      '一伙人发了头发，干燥的面条里面有干货',
      '后台发货，后天发表。皇后之后',
      '直通车推广计划的预算调整',
      '\uF900\uF901 車 句', // compatibility ideographs, normalised before the conversion
      'KPI 达成率 ≥ 95%，ROI 1:3',
      '㓦划',
      '',
    ];
    for (const text of texts) expect(simplifiedToTraditional(text), text).toBe(whole(text));
  });

  it('gives the same on every line of the sample handbook and the seed handbook, past the point where it builds the whole tries', () => {
    const lines = [...linesUnder('content'), ...linesUnder('test/fixtures/seed-handbook')];
    expect(lines.length).toBeGreaterThan(300);
    const differing = lines.filter((line) => simplifiedToTraditional(line) !== whole(line));
    expect(differing).toEqual([]);
  });
});
