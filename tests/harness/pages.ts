/**
 * Policy pages generated for real-browser tests and benchmarks: long policies of a chosen word
 * count, built from realistic clauses, with headings, lists, nested lists and tables.
 */

const CLAUSES = [
  'We collect information you provide directly to us, such as your name, email address, postal address and phone number when you create an account, make a purchase or contact customer support.',
  'When you use the app we automatically collect device information, including your device model, operating system, IMEI, Android ID, advertising identifier and IP address.',
  'With your permission we collect your precise GPS location to show nearby stores and to improve delivery estimates; you can turn location access off in your device settings.',
  'We share your personal information with advertising partners and analytics providers who help us measure the effectiveness of our campaigns and show you relevant ads on other sites.',
  'Third-party SDKs integrated in our app, such as Firebase Analytics and AppsFlyer, may collect your advertising ID and usage data directly from your device.',
  'We may disclose your information to law enforcement agencies or government authorities when we believe in good faith that disclosure is required by law.',
  'You may access, correct or delete your personal information at any time from the account settings page, or by contacting our privacy team.',
  'You can opt out of receiving promotional emails by following the unsubscribe link in each email; you will still receive transactional messages about your orders.',
  'We retain your order history for seven years to comply with tax obligations and delete inactive accounts after twenty-four months.',
  'We use industry-standard encryption, firewalls and access controls to protect your information, but no method of transmission over the internet is completely secure.',
  'We may update this privacy policy from time to time and will notify you of material changes by email or through a notice in the app before they take effect.',
  'Our services are not directed to children under the age of 13 and we do not knowingly collect personal information from children without verifiable parental consent.',
  'Your information may be transferred to and processed in countries other than your own, including the United States, where data protection laws may differ.',
  'Some browsers offer a Do Not Track setting; our website does not currently respond to Do Not Track signals.',
  'If you have any questions about this policy, please contact our Data Protection Officer at privacy@example.com.',
  'When you pay for a subscription, our payment processor receives your bank card number and billing address; we store only the last four digits of your card.',
  'If you choose to find friends, we access your address book and upload the phone numbers of your contacts to match them with existing users.',
  'To verify your identity for certain features we ask for your ID card number and a photo of your face, which we compare using facial recognition technology.',
];

const HEADINGS = [
  'Information we collect',
  'How we use information',
  'How we share information',
  'Your choices and rights',
  'Retention and security',
  'Children and international users',
  'Changes and contact',
];

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A long policy page of about `words` words, deterministic for a given size. */
export function longPolicyHtml(words: number): string {
  const parts: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy Policy | Example Corp</title></head><body>',
    '<nav><a href="/">Home</a> <a href="/privacy">Privacy</a></nav><main><h1>Privacy Policy</h1>',
  ];
  let count = 0;
  let i = 0;
  while (count < words) {
    if (i % 12 === 0)
      parts.push(`<h2>${HEADINGS[(i / 12) % HEADINGS.length]} (${Math.floor(i / 12) + 1})</h2>`);
    const clause = CLAUSES[i % CLAUSES.length]!;
    const text = `${clause} This applies to section ${i + 1}.`;
    if (i % 9 === 4) {
      parts.push(
        `<ul><li>${escapeText(text)}<ul><li>${escapeText(CLAUSES[(i + 3) % CLAUSES.length]!)}</li></ul></li></ul>`,
      );
    } else if (i % 11 === 7) {
      parts.push(`<table><tr><td>Item ${i}</td><td>${escapeText(text)}</td></tr></table>`);
    } else {
      parts.push(`<p>${escapeText(text)}</p>`);
    }
    count += text.split(/\s+/).length;
    i++;
  }
  parts.push(
    '</main><footer><p>© Example Corp · <a href="/terms">Terms</a></p></footer></body></html>',
  );
  return parts.join('\n');
}
