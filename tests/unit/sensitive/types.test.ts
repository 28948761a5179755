import { describe, expect, it } from 'vitest';
import { SENSITIVE_IDS } from '../../../src/core/taxonomy';
import { marks, types } from './helpers';

// One app-style and one web-style sentence per type; together they cover all ten ids.
const CASES: [string, string[]][] = [
  ['We collect your precise location via GPS.', ['location: precise location', 'location: GPS']],
  ['We use your geolocation data to show nearby stores.', ['location: geolocation data']],
  ['Ads are tailored to your interests and/or location.', ['location: location']],
  [
    'We collect face information for facial recognition.',
    ['biometric: face information', 'biometric: facial recognition'],
  ],
  ['We store your fingerprint template on the device.', ['biometric: fingerprint template']],
  ['We process health data such as heart rate.', ['health: health data', 'health: heart rate']],
  ['We collect your medical history to provide care.', ['health: medical history']],
  ['You need to provide your bank card number.', ['financial: bank card number']],
  ['We keep your purchase history for after-sales service.', ['financial: purchase history']],
  [
    'Provide your ID card number for real-name verification.',
    ['government-id: ID card number', 'government-id: real-name verification'],
  ],
  ['We may collect your Social Security number.', ['government-id: Social Security number']],
  ['With permission we read your address book.', ['contacts: address book']],
  ['You can import your Gmail contacts.', ['contacts: Gmail contacts']],
  [
    'We read your call logs and SMS content.',
    ['communications: call logs', 'communications: SMS content'],
  ],
  ['We retain chat history for 90 days.', ['communications: chat history']],
  ['We scan your messages to detect spam.', ['communications: messages']],
  ['We store messages that you exchange with other users.', ['communications: messages']],
  [
    'The SDK collects IMEI, OAID and Android ID.',
    ['device-identifiers: IMEI', 'device-identifiers: OAID', 'device-identifiers: Android ID'],
  ],
  ['We use the advertising ID of your device.', ['device-identifiers: advertising ID']],
  [
    'If we learn that we collected data from a child under 13, we delete it.',
    ['children: child under 13'],
  ],
  [
    'Minors under 14 must obtain parental consent.',
    ['children: Minors under 14', 'children: parental consent'],
  ],
  [
    'We may process data revealing your religious beliefs.',
    ['special-categories: religious beliefs'],
  ],
  [
    'We collect information about trade union membership.',
    ['special-categories: trade union membership'],
  ],
];

describe('detectSensitive: each type', () => {
  it.each(CASES)('%s', (text, expected) => {
    expect(marks(text)).toEqual(expected);
  });

  it('covers all ten types', () => {
    const seen = new Set(CASES.flatMap(([t]) => types(t)));
    expect([...seen].sort()).toEqual([...SENSITIVE_IDS].sort());
  });

  it('returns types in taxonomy order without duplicates', () => {
    expect(types('We collect your IMEI, your location and your IMEI again.')).toEqual([
      'location',
      'device-identifiers',
    ]);
  });
});
