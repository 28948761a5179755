import { describe, expect, it } from 'vitest';
import { types } from './helpers';

describe('detectSensitive: hard negatives', () => {
  it.each([
    'Please contact us with any questions about this policy.',
    'Our offices are at the location of our headquarters in Dublin.',
    'The location of our data centers may change.',
    'We monitor the health of our service around the clock.',
    'We take health and safety seriously.',
    'The financial statements of the company are audited yearly.',
    'We sell children’s books and toys.',
    'We may send you text messages about your order.',
    'We will send you an SMS verification code.',
    'Log in with Facebook or meet our team face-to-face.',
    'We use browser fingerprinting protection.',
    'Location: Berlin, Germany.',
    'Regardless of your location, you have these rights.',
    'Depending on your location, you may have additional rights.',
    'Your contact information is used to reply to you.',
    'We collect your IP address, cookies and email address.',
    'We operate stores in many locations.',
    'Children’s Online Privacy Protection Act notice.',
    'Follow these steps to reset your password.',
    'Our health clinic will take reasonable steps to protect this website.',
    'We may call you to confirm your appointment.',
    'Customer Service ID numbers are printed on receipts.',
    'Our engineers keep a tin of biscuits.',
    'Please exercise your rights under the GDPR.',
    'Error messages are shown in your language.',
    'We will inform you via email or text message.',
    'We may send promotional emails or SMS messages.',
    'Call us at 1-800-555-0100 or visit a store.',
    'We collect hardware details such as graphics card information.',
    'Sleep mode turns off the screen after a minute.',
    'Use the app to meet people and make new contacts.',
    'The location of the revised statement will be posted on the site.',
    'We will post the updated policy at this location.',
    'Location of data: the services are hosted in the United States.',
  ])('%s', (text) => {
    expect(types(text)).toEqual([]);
  });
});
