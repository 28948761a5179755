/** Sensitive-data detector speed: ms per paragraph over our eval set (budget: < 0.05 ms). */
import { detectSensitive } from '../../src/core/sensitive';
import { loadSet } from '../eval/20-sensitive';

export const title = 'Sensitive-data detector';

export async function run(): Promise<void> {
  const texts = loadSet('eval').map((e) => e.text);
  const words = texts.reduce((n, t) => n + t.split(/\s+/).length, 0) / texts.length;
  // The budget is stated for a typical 60-word paragraph: join eval paragraphs until one is that long.
  const long: string[] = [];
  for (let i = 0; i < texts.length; i += 1) {
    let t = texts[i]!;
    for (let j = i + 1; t.split(/\s+/).length < 60; j += 1) t += ` ${texts[j % texts.length]}`;
    long.push(t);
  }
  const longWords = long.reduce((n, t) => n + t.split(/\s+/).length, 0) / long.length;
  for (let i = 0; i < 3; i += 1) for (const t of long) detectSensitive(t); // Warm up the JIT.
  for (const [name, set, w] of [
    ['eval paragraphs', texts, words],
    ['60+ word blocks', long, longWords],
  ] as const) {
    const rounds = 50;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let r = 0; r < rounds; r += 1) for (const t of set) detectSensitive(t);
    const cpu = process.cpuUsage(c0);
    const n = rounds * set.length;
    const wall = (performance.now() - t0) / n;
    // CPU time as well as wall time: on a busy machine (CI, parallel test runs) wall time mostly
    // measures waiting for a core.
    const cpuMs = (cpu.user + cpu.system) / 1000 / n;
    console.log(
      `${name.padEnd(18)} ${w.toFixed(0).padStart(4)} words avg  ${wall.toFixed(4)} ms/paragraph wall, ${cpuMs.toFixed(4)} ms CPU`,
    );
  }
}
