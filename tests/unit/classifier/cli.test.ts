import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyParagraphs } from '../../../src/core/classifier/index';
import { REPO_ROOT, shippedModel } from './helpers';

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
// Each case starts a tsx process (about 1 s on an idle machine); allow for a busy CI runner.
const SLOW = { timeout: 30_000 };

function run(script: string, args: string[], input = ''): string {
  const r = spawnSync(TSX, [join(REPO_ROOT, 'scripts', script), ...args], {
    input,
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('classify CLI', () => {
  it('answers every line in order, errors included', SLOW, () => {
    const input = [
      JSON.stringify({ text: 'We share your email with advertisers.', id: 7 }),
      '{not json',
      JSON.stringify({ body: 'no text field' }),
      JSON.stringify({ text: 42 }),
      JSON.stringify({ text: 'We retain data for 30 days.' }),
    ].join('\n');
    const out = run('classify.ts', [], input + '\n')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ id: 7, text: 'We share your email with advertisers.' });
    expect(out[0]?.categories).toContain('third-party-sharing');
    expect(Object.keys(out[0]?.scores as object)).toHaveLength(10);
    expect(Array.isArray(out[0]?.sensitive)).toBe(true);
    expect(Array.isArray(out[0]?.spans)).toBe(true);
    expect(out[1]?.error).toMatch(/JSON/);
    expect(out[2]?.error).toMatch(/text/);
    expect(out[3]?.error).toMatch(/text/);
    expect(out[4]?.categories).toContain('data-retention');
  });

  it('stops quietly when the reader closes the pipe early (| head)', SLOW, () => {
    const line = JSON.stringify({ text: 'We share your device identifiers with advertisers.' });
    // Far more output than a pipe holds, so the writer is still writing when head has gone.
    const r = spawnSync(
      'bash',
      ['-c', `"${TSX}" "${join(REPO_ROOT, 'scripts', 'classify.ts')}" | head -c 10`],
      { input: `${line}\n`.repeat(3000), encoding: 'utf8' },
    );
    expect(r.stdout).toHaveLength(10);
    expect(r.stderr).toBe('');
  });

  it('uses the heading context of consecutive lines of one doc', SLOW, () => {
    const text = 'The details are set out below.';
    const heading = 'How long we keep your data';
    const input = [
      JSON.stringify({ doc: 'a', text: heading, heading: true }),
      JSON.stringify({ doc: 'a', text }),
      JSON.stringify({ doc: 'b', text }),
    ].join('\n');
    const out = run('classify.ts', [], input)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { scores: Record<string, number> });
    expect(out).toHaveLength(3);
    const [withHeading, alone] = classifyParagraphs(shippedModel(), [{ text, heading }, { text }]);
    expect(out[1]?.scores).toEqual(withHeading?.scores);
    expect(out[2]?.scores).toEqual(alone?.scores);
  });
});

describe('analyze CLI', () => {
  it('summarises an HTML policy and prints JSON with --json', SLOW, () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-analyze-'));
    const file = join(dir, 'policy.html');
    writeFileSync(
      file,
      '<h1>Privacy</h1><p>We collect your email address when you sign up.</p><script>x()</script>' +
        '<h2>Retention</h2><p>We delete your data 30 days after you close your account.</p>',
    );
    expect(run('analyze.ts', [file])).toMatch(/Data collection/);
    const json = JSON.parse(run('analyze.ts', [file, '--json'])) as {
      paragraphs: { text: string; heading?: string }[];
    };
    expect(json.paragraphs.map((p) => p.text)).toEqual([
      'Privacy',
      'We collect your email address when you sign up.',
      'Retention',
      'We delete your data 30 days after you close your account.',
    ]);
    expect(json.paragraphs[3]?.heading).toBe('Retention');
  });
});
