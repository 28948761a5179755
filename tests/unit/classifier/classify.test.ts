import { describe, expect, it } from 'vitest';
import { classifyParagraphs, withHeadingContext } from '../../../src/core/classifier/index';
import { CATEGORY_IDS } from '../../../src/core/taxonomy';
import { shippedModel } from './helpers';

const model = shippedModel();
const labelsOf = (text: string, heading?: string): string[] =>
  classifyParagraphs(model, [{ text, heading }])[0]?.categories ?? [];

describe('classifyParagraphs', () => {
  it.each([
    ['We share your email address with advertisers.', 'third-party-sharing'],
    ['We retain your data for 30 days and then delete it.', 'data-retention'],
    ['We do not respond to Do Not Track signals sent by your browser.', 'do-not-track'],
    [
      'We use SSL encryption and firewalls to protect your personal information from unauthorized access.',
      'data-security',
    ],
    [
      'We may update this privacy policy from time to time. We will notify you of material changes by email.',
      'policy-change',
    ],
    [
      'Our service is not directed to children under 13 and we do not knowingly collect their personal information.',
      'specific-audiences',
    ],
    [
      'You may access, correct or delete your personal information at any time by logging into your account.',
      'user-access',
    ],
    [
      'We collect your name, email address and phone number when you register for an account.',
      'first-party-collection',
    ],
    [
      'You can opt out of receiving promotional emails by clicking the unsubscribe link.',
      'user-choice',
    ],
    ['If you have questions about this policy, please contact us at privacy@example.com.', 'other'],
  ])('labels "%s" as %s', (text, label) => {
    expect(labelsOf(text)).toContain(label);
  });

  it('returns a calibrated score in [0, 1] for every category', () => {
    const [r] = classifyParagraphs(model, [{ text: 'We collect your location.' }]);
    expect(Object.keys(r?.scores ?? {}).sort()).toEqual([...CATEGORY_IDS].sort());
    for (const s of Object.values(r?.scores ?? {})) expect(s).toBeGreaterThanOrEqual(0);
    for (const s of Object.values(r?.scores ?? {})) expect(s).toBeLessThanOrEqual(1);
  });

  it('is deterministic and independent of batch composition', () => {
    const a = { text: 'We share device identifiers with analytics SDK providers.' };
    const b = { text: 'Contact our data protection officer at dpo@example.com.' };
    const once = classifyParagraphs(model, [a, b]);
    expect(classifyParagraphs(model, [a, b])).toEqual(once);
    expect(classifyParagraphs(model, [b, a])).toEqual([once[1], once[0]]);
  });

  it('shows fewer labels with a positive threshold offset', () => {
    const text = 'We may share aggregated data with partners, and you can opt out in settings.';
    const loose =
      classifyParagraphs(model, [{ text }], { thresholdOffset: -0.3 })[0]?.categories ?? [];
    const strict =
      classifyParagraphs(model, [{ text }], { thresholdOffset: 0.3 })[0]?.categories ?? [];
    expect(loose.length).toBeGreaterThanOrEqual(strict.length);
    for (const c of strict) expect(loose).toContain(c);
  });

  it('takes the heading a paragraph sits under into account', () => {
    const text = 'The details are set out below.';
    const plain = classifyParagraphs(model, [{ text }])[0]?.scores;
    const under = classifyParagraphs(model, [{ text, heading: 'How long we keep your data' }])[0]
      ?.scores;
    expect(under).not.toEqual(plain);
    // A heading line itself is classified on its own text, never under another heading.
    const heading = classifyParagraphs(model, [{ text, isHeading: true, heading: 'Children' }]);
    expect(heading[0]?.scores).toEqual(plain);
  });
});

describe('withHeadingContext', () => {
  it('fills each paragraph with the nearest heading above it', () => {
    const out = withHeadingContext([
      { text: 'Intro without heading.' },
      { text: 'Data Retention', isHeading: true },
      { text: 'We keep logs for 90 days.' },
      { text: 'Backups are deleted after a year.' },
      { text: 'Your Rights', isHeading: true },
      { text: 'You can delete your account.' },
    ]);
    expect(out.map((p) => p.heading)).toEqual([
      undefined,
      undefined,
      'Data Retention',
      'Data Retention',
      undefined,
      'Your Rights',
    ]);
  });
});
