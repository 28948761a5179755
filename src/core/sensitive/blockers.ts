/**
 * Phrases that look like a sensitive mention but are not data about the user. They are matched
 * first, in the same pass as the lexicon, and swallow the text they cover, so "contact us" can
 * never yield `contacts` and "the location of our offices" never yields `location`.
 * Patterns use the lexicon syntax (see lexicon.ts): a space matches any run of spaces or hyphens.
 */
export const BLOCKERS: readonly string[] = [
  // location
  "locations? of (?:our|the|its|their|any) (?:company'?s? )?(?:offices?|servers?|data cent(?:er|re)s?|headquarters|stores?|shops?|facilit(?:y|ies)|business(?:es)?|branch(?:es)?|premises)",
  '(?:office|server|store|shop|headquarters|registered|business|hosting|storage) locations?',
  '(?:our|its|their) (?:\\w+ )?locations',
  '(?:regardless of|depending on|whatever|wherever|irrespective of) (?:your |the |their )?locations?',
  '(?:stored|kept|hosted|saved) (?:in|at) the locations?',
  'locations? in the (?:queue|list|document|file|page|text)',
  'locations?(?=:)',
  // Where data is kept or a document is posted, not where the user is.
  'locations? of (?:the |your |our )?(?:data|information|personal (?:data|information)|processing|storage|servers?)',
  '(?:at|on|to) (?:this|that|the same|a different|another) (?:web )?location',
  'locations? of (?:the|this|that|any|such) (?:new |revised |updated )?(?:statement|policy|notice|document|file|page|link|website|site|event|meeting)',
  "(?:file|folder|storage|document|item)'?s? locations?",
  '(?:enter|change|select) (?:your )?location',
  'locations? (?:customi[sz]ation|settings? of the (?:file|app))',
  // government-id: internal reference numbers are not identity documents
  '(?:social network|network|facebook|twitter|user|account|member|membership|order|transaction|session|customer|service|employee|staff|reference|tracking|ticket|case|request|booking) id numbers?',
  // health
  'health of (?:our|the|its|this|their) (?:services?|systems?|platform|network|website|site|business|servers?|infrastructure|app|company|employees|staff)',
  '(?:service|system|server|platform|network|api) health',
  '(?:reasonable|appropriate|necessary|following|these|those|further|additional|other|practical|technical|several|few|simple) steps',
  '(?:with|without|with or without) disabilit(?:y|ies)',
  'health and safety',
  'health insurance portability and accountability act',
  // financial
  'financial (?:statements?|results?|year|reports?|reporting|services? industry|institutions?|performance|advisers?|advisors?|regulators?|conduct authority)',
  // children
  "children'?s? (?:books?|clothing|clothes|toys?|products?|apparel|wear|shoes|games?|programming|television|charit(?:y|ies)|hospitals?|museums?|education|literature|music)",
  "children'?s? online privacy protection (?:act|rule)",
  "children'?s? privacy",
  // biometric
  'face to face',
  '(?:digital|canvas|audio|font|build) fingerprints?',
  'fingerprinting',
  // communications / contacts
  'send(?:s|ing)?(?: to)? (?:you|users|customers|the user)(?: an?| the| any)?(?: \\w+){0,3}? (?:sms|text messages?|messages|emails?|e mails?|notifications?)(?: messages?| notifications?)?',
  // Channels the service uses to reach the user: "informing you via email or text message".
  '(?:via|by|through|over) (?:sms|text messages?|e ?mail|phone|push notifications?)(?:,? (?:and|or|and/or) (?:sms|text messages?|e ?mail|phone|push notifications?))*',
  '(?:promotional|marketing|transactional|advertising) (?:e ?mails?|sms|text messages?|messages|e ?mail messages)(?:,? (?:and|or) (?:e ?mails?|sms(?: messages)?|text messages?|messages|push notifications?))*',
  'one time (?:sms|text)(?: messages?| codes?| passwords?)?',
  'call (?:us|our|\\d|toll)',
  'sms (?:verification )?codes?',
  'verification codes? (?:by|via) sms',
  'contacts? (?:us|our|them|the company|customer (?:service|support))',
  // "contacts" as acquaintances or business relations, not an address book.
  '(?:make|making|made|maintain|maintaining|restore|new|business|professional|press|media|key|industry) contacts',
];
