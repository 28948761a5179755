/**
 * Sentence-level context tests for ambiguous lexicon entries. A bare "location", "children" or
 * "calls" is only a data mention when the sentence around it talks about data or a practice;
 * "Your location in the queue is shown" and "We sell children's books" are not.
 */

/** Words that show a sentence is about handling data (prefixes, so "collect" covers "collected"). */
export const DATA_CONTEXT =
  /\b(?:collect|process|use[sd]?\b|using|shar(?:e|ed|es|ing)|disclos|stor(?:e|ed|es|ing)|retain|keep|obtain|receiv|access|read|record|upload|gather|track|monitor|infer|analy[sz]|provid|fill|enter|submit|request|ask|sell|transfer|transmit|sync|import|inform|data|details|consent|permission|profile|personal|view|see|detect|determin|verif|identif|locat|guardian|parent|account|age)/i;

/**
 * A bare "children" is a data mention when their data is collected, viewed, verified, consented
 * to or removed, or their use is supervised.
 */
export const CHILD_CONTEXT =
  /\b(?:collect|process|obtain|receiv|stor(?:e|ed|es|ing)|delet|remov|eras|learn|discover|aware|verif|consent|permission|approv|submit|disclos|shar(?:e|ed|es|ing)|register|account|view|access|track|monitor|locat|supervis|personal (?:data|information) (?:of|from|about)|(?:data|information) (?:of|from|about))/i;

/** Location signals (Wi-Fi, Bluetooth) count only when used for positioning. */
export const LOCATION_CONTEXT = /\b(?:locat|position|gps|geo|base station|cell tower|nearby)/i;

/** Calls, audio and conversations are communications data when recorded or monitored. */
export const RECORDING_CONTEXT =
  /\b(?:record|monitor|intercept|listen|transcri|stor(?:ed|ing|age)\b|store (?:your|the|all|them|it|these|such)\b|retain|analy[sz]|back(?:ed)? ?up|backup)/i;

/** Payment words, for card phrases that could also be SIM, ID or graphics cards. */
export const PAYMENT_CONTEXT =
  /\b(?:pay|purchas|bill|credit|debit|bank|transaction|checkout|order|subscri|charge|refund|wallet)/i;

/** Loose body/fitness words ("steps", "weight", "sleep") need a health or fitness setting. */
export const HEALTH_CONTEXT =
  /\b(?:health|fitness|wearable|smart ?watch|heart|sleep|workout|exercise|step count|medical|body (?:temperature|weight|measurements|mass)|calorie|tracker|weight|diet|nutrition)/i;

/** Stands for the matched phrase in the sentence a context regex sees. */
export const PHRASE = ' \uE000 ';

/** Bare "messages" is communications data only when it is the user's own messages being handled. */
export const MESSAGE_CONTEXT =
  /\uE000\s+(?:that\s+)?(?:you|users?|they|people)\s+(?:send|receive|exchange|post|write)|\b(?:read|scan|access|stor|retain|record|monitor|collect|process|analy[sz])\w*\s+(?:your |the |all |users'? |private )?\s*\uE000/i;
