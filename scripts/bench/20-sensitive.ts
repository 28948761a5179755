/**
 * Sensitive-data detector speed (budget: < 0.05 ms for a typical 60-word paragraph), and
 * third-party extraction speed, in ms per paragraph over our eval set.
 */
import { detectSensitive } from '../../src/core/sensitive';
import { extractThirdParties } from '../../src/core/third-parties';
import { loadSet } from '../eval/20-sensitive';

export const title = 'Sensitive-data detector';

const wordCount = (t: string): number => t.split(/\s+/).length;

/** Wall and CPU ms per call of `f` over `texts`. */
function measure(
  texts: readonly string[],
  f: (t: string) => unknown,
): { wall: number; cpu: number } {
  for (let i = 0; i < 3; i += 1) for (const t of texts) f(t); // Warm up the JIT.
  const rounds = 50;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let r = 0; r < rounds; r += 1) for (const t of texts) f(t);
  const cpu = process.cpuUsage(c0);
  const n = rounds * texts.length;
  // CPU time as well as wall time: on a busy machine (CI, parallel test runs) wall time mostly
  // measures waiting for a core.
  return { wall: (performance.now() - t0) / n, cpu: (cpu.user + cpu.system) / 1000 / n };
}

export async function run(): Promise<void> {
  const texts = loadSet('eval').map((e) => e.text);
  // The budget is stated for a typical 60-word paragraph: join eval paragraphs until one is that long.
  const long: string[] = [];
  for (let i = 0; i < texts.length; i += 1) {
    let t = texts[i]!;
    for (let j = i + 1; wordCount(t) < 60; j += 1) t += ` ${texts[j % texts.length]}`;
    long.push(t);
  }
  const rows: [string, readonly string[], (t: string) => unknown][] = [
    ['detectSensitive, eval paragraphs', texts, detectSensitive],
    ['detectSensitive, 60+ word blocks', long, detectSensitive],
    ['extractThirdParties, 60+ words', long, (t) => extractThirdParties([{ id: 'p', text: t }])],
  ];
  for (const [name, set, f] of rows) {
    const words = set.reduce((n, t) => n + wordCount(t), 0) / set.length;
    const { wall, cpu } = measure(set, f);
    console.log(
      `${name.padEnd(34)} ${words.toFixed(0).padStart(3)} words avg  ${wall.toFixed(4)} ms/paragraph wall, ${cpu.toFixed(4)} ms CPU`,
    );
  }
}
