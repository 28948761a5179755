import { describe, expect, it } from 'vitest';
import { mayBePolicy } from '../../../src/core/detect/prefilter';

const page = (over: Partial<Parameters<typeof mayBePolicy>[0]>) => ({
  url: 'https://example.com/news/bikes',
  title: 'City council approves bike lanes',
  headings: ['City council approves bike lanes'],
  textSample: 'The council voted on Tuesday to add twelve miles of bike lanes.',
  wordCount: 400,
  ...over,
});

describe('mayBePolicy', () => {
  it('rules out pages that never mention privacy or personal data', () => {
    expect(mayBePolicy(page({}))).toBe(false);
    expect(mayBePolicy(page({ textSample: 'Read our privacy policy.' }))).toBe(false);
  });

  it('passes pages naming privacy in the address, title, headings or text', () => {
    expect(mayBePolicy(page({ url: 'https://example.com/legal/privacy' }))).toBe(true);
    expect(mayBePolicy(page({ title: 'Datenschutzerklärung' }))).toBe(true);
    expect(mayBePolicy(page({ headings: ['个人信息保护政策'] }))).toBe(true);
    expect(
      mayBePolicy(
        page({ textSample: 'We collect personal information. Personal information is…' }),
      ),
    ).toBe(true);
  });
});
