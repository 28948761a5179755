import { describe, expect, it } from 'vitest';
import { detectSensitive } from '../../../src/core/sensitive';
import { marks } from './helpers';

describe('detectSensitive: phrase extent', () => {
  it('gives exact UTF-16 offsets', () => {
    const text = 'We collect your IMEI and precise location information.';
    expect(detectSensitive(text).spans).toEqual([
      { type: 'device-identifiers', start: 16, end: 20 },
      { type: 'location', start: 25, end: 53 },
    ]);
  });

  it('counts offsets after non-ASCII text', () => {
    const text = 'Über “uns”: 😀 we read your address book.';
    const [span] = detectSensitive(text).spans;
    expect(span && text.slice(span.start, span.end)).toBe('address book');
  });

  it.each([
    ['We collect your real-name verification result.', 'government-id: real-name verification'],
    ['We collect your real name verification result.', 'government-id: real name verification'],
    ['We collect your Wi-Fi MAC address.', 'device-identifiers: Wi-Fi MAC address'],
    ['We collect your WiFi MAC address.', 'device-identifiers: WiFi MAC address'],
    ['We record your e-mail content.', 'communications: e-mail content'],
    ['We record your email content.', 'communications: email content'],
    ['Upload your driver’s licence.', 'government-id: driver’s licence'],
    ['Upload your drivers license number.', 'government-id: drivers license number'],
    ['We read your phonebook.', 'contacts: phonebook'],
    ['We store your IMEI numbers.', 'device-identifiers: IMEI numbers'],
    ['We collect location history.', 'location: location history'],
    ['We collect faceprints.', 'biometric: faceprints'],
    ['We collect voice prints.', 'biometric: voice prints'],
    ['We collect HEART RATE readings.', 'health: HEART RATE'],
    ['We use your geo-location.', 'location: geo-location'],
  ])('%s', (text, expected) => {
    expect(marks(text)).toEqual([expected]);
  });

  it('matches whole words only', () => {
    expect(marks('Our macros, premises and imeily tokens are not identifiers.')).toEqual([]);
    expect(marks('We collect data on Mac computers and the Facebook app.')).toEqual([]);
  });

  it('prefers the longer phrase where two share a start', () => {
    expect(marks('The SDK reads the Bluetooth MAC address.')).toEqual([
      'device-identifiers: Bluetooth MAC address',
    ]);
  });
});
