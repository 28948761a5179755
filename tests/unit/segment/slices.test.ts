// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  segmentPage,
  segmentSteps,
  segmentWithFrames,
  segmentWithFramesInSlices,
} from '../../../src/content/segment';
import { runInSlices } from '../../../src/content/schedule';
import { setPage } from './helpers';

function bigPage(paragraphs: number): void {
  const blocks: string[] = ['<h1>Privacy Policy</h1>'];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 50 === 0) blocks.push(`<h2>Section ${i / 50 + 1}</h2>`);
    blocks.push(
      i % 7 === 0
        ? `<table><tr><td>SDK ${i}</td><td>collects device identifiers for analytics</td></tr></table>`
        : `<p>Paragraph ${i}: we collect your <a href="#">email address</a> and share it with partners.</p>`,
    );
  }
  setPage(`<main>${blocks.join('')}</main>`);
}

const summary = (segments: { id: string; text: string; heading?: string }[]) =>
  segments.map((s) => `${s.id}|${s.heading ?? ''}|${s.text}`);

describe('segmentation in slices', () => {
  it('pauses when asked and ends with exactly what the one-pass segmentation finds', () => {
    bigPage(1500);
    const whole = segmentPage(document);
    const steps = segmentSteps(document, {}, () => true);
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses++;
      step = steps.next();
    }
    expect(pauses).toBeGreaterThan(10);
    expect(summary(step.value)).toEqual(summary(whole));
    expect(whole.length).toBeGreaterThan(1500);
  });

  it('gives the page its main thread back between slices of an enormous page', async () => {
    bigPage(3000);
    const whole = segmentWithFrames(document);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    let slices = 0;
    let looks = 0;
    const sliced = await runInSlices((pause) =>
      segmentSteps(document, {}, () => {
        // Besides the clock's pauses, force one every 20 looks, so that the test does not depend
        // on how fast this machine is, and see the page's timer run in between.
        const now = pause() || ++looks % 20 === 0;
        if (now) slices++;
        return now;
      }),
    );
    clearInterval(timer);
    expect(summary(sliced)).toEqual(summary(whole));
    expect(slices).toBeGreaterThan(0);
    expect(ticks).toBeGreaterThan(0);
    expect(summary(await segmentWithFramesInSlices(document))).toEqual(summary(whole));
  });

  it('runs a short pass in one go', async () => {
    setPage('<p>We collect your name and email address.</p>');
    let pauses = 0;
    const out = await runInSlices(function* (pause) {
      for (let i = 0; i < 100; i++) if (pause()) yield void pauses++;
      return 'done';
    });
    expect(out).toBe('done');
    expect(pauses).toBe(0);
  });
});
