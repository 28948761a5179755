import { describe, expect, it } from 'vitest';
import { marks, types } from './helpers';

describe('detectSensitive: negation is scoped to the clause', () => {
  it.each([
    ['We do not collect your IMEI, but we collect your location.', ['location: location']],
    ['We never access your contacts; we only read your call logs.', ['communications: call logs']],
    ['We don’t store your fingerprint. We store your face data.', ['biometric: face data']],
    ['Your IMEI and MAC address are not collected.', []],
    ['Your IMEI isn’t shared with anyone.', []],
    ['No biometric data is collected.', []],
    ['We collect neither your contacts nor your SMS.', []],
    ['We will not share your health data without your explicit consent.', ['health: health data']],
    ['We do not collect your location unless you allow it.', ['location: location']],
    ['We collect your location and do not share it.', ['location: location']],
    [
      'We do not sell data, and we use your precise location for ads.',
      ['location: precise location'],
    ],
    ['We do not receive profile data (e.g., your friends list or contacts).', []],
    [
      'When you delete location data, it is no longer linked to your account.',
      ['location: location data'],
    ],
  ])('%s', (text, expected) => {
    expect(marks(text)).toEqual(expected);
  });

  it('ignores negative words that deny nothing', () => {
    expect(types('We collect data including but not limited to your IMEI.')).toEqual([
      'device-identifiers',
    ]);
    expect(types('If you do not want us to use your location, turn it off.')).toEqual(['location']);
    expect(types('You are not required to provide your passport number.')).toEqual([
      'government-id',
    ]);
    expect(types('We keep your call logs for no longer than 30 days.')).toEqual(['communications']);
  });

  describe('children (COPPA rule in negation.ts)', () => {
    it('treats "we do not knowingly collect" as a denial', () => {
      expect(
        types('We do not knowingly collect personal information from children under 13.'),
      ).toEqual([]);
      expect(types('Our Services are not directed to children.')).toEqual([]);
    });

    it('labels deletion, parental consent and age checks', () => {
      const coppa =
        'We do not knowingly collect personal information from children under 13. If we learn that we have collected personal information from a child under 13, we will delete it.';
      expect(marks(coppa)).toEqual(['children: child under 13']);
      expect(types('Users under 16 need verifiable parental consent.')).toEqual(['children']);
      expect(
        types('We do not collect data from children under 13 without parental consent.'),
      ).toEqual(['children']);
      expect(types('We use age verification for some features.')).toEqual(['children']);
    });
  });
});
