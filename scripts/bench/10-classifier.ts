/**
 * Speed of the paragraph classifier (issue 6): model load time, median time per paragraph,
 * a 200-paragraph policy end to end, and paragraphs per second, in this Node process (one core).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { classifyParagraphs, loadModel } from '../../src/core/classifier/index';
import type { ParagraphInput } from '../../src/core/types';
import { loadRepoFile } from '../train/data';
import { MODEL_PATH } from '../train/paths';
import { OOD_EVAL_PATH } from '../train/report';

export const title = 'Paragraph classifier: speed and size';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Real policy paragraphs when the repo has them, otherwise varied synthetic ones. */
function paragraphs(): ParagraphInput[] {
  const real = loadRepoFile(OOD_EVAL_PATH, 1).map((e) => ({ text: e.text, heading: e.heading }));
  if (real.length >= 200) return real;
  return Array.from({ length: 400 }, (_, i) => ({
    text: `We may share your email address and device identifier ${i} with advertising partners and analytics providers to measure campaigns; you can opt out in settings at any time.`,
  }));
}

export async function run(): Promise<void> {
  const raw = readFileSync(MODEL_PATH, 'utf8');
  const t0 = performance.now();
  const model = loadModel(JSON.parse(raw) as unknown);
  const loadMs = performance.now() - t0;
  console.log(
    `model: ${raw.length} bytes, ${gzipSync(raw, { level: 9 }).length} gzipped; parse + load ${loadMs.toFixed(1)} ms`,
  );

  const paras = paragraphs();
  const policy = paras.slice(0, 200);
  const t1 = performance.now();
  classifyParagraphs(model, policy);
  const coldMs = performance.now() - t1;

  const per: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const p of paras) {
      const s = performance.now();
      classifyParagraphs(model, [p]);
      per.push(performance.now() - s);
    }
  }
  const whole: number[] = [];
  for (let round = 0; round < 20; round++) {
    const s = performance.now();
    classifyParagraphs(model, policy);
    whole.push(performance.now() - s);
  }
  const med = median(per);
  console.log(`median per paragraph: ${med.toFixed(4)} ms (${paras.length} paragraphs x 3)`);
  console.log(
    `200-paragraph policy: ${coldMs.toFixed(1)} ms first run, ${median(whole).toFixed(1)} ms median of 20`,
  );
  console.log(`throughput: ${Math.round((200 / median(whole)) * 1000)} paragraphs/s`);
}
