import type { Channel } from './vocabulary';

export type LintCode = 'empty_opener' | 'no_reason' | 'unclear_ask' | 'too_long' | 'too_short';
export interface LintIssue {
  code: LintCode;
  severity: 'error' | 'warning';
  message: string;
}
/** Details the draft could refer to; mentioning one of them is what makes a message concrete. */
export interface LintContext {
  firstName?: string | null;
  anchors?: readonly (string | null | undefined)[];
}

// Phrases that fill an opening without saying anything (F14).
const FILLER = [
  /\bjust (checking|touching) in\b/g,
  /\bchecking in\b/g,
  /\btouching base\b/g,
  /\bhope (you('| a)re|you are|all is|everything is|this finds you)( doing)? (well|good|great)\b/g,
  /\bhope you('| a)re well\b/g,
  /\bhow (are|have) you (been|doing)\b/g,
  /\bwanted to reach out\b/g,
  /\bit'?s been a while\b/g,
  /\blong time no (see|talk)\b/g,
];
const GREETING = /^(hi|hey|hello|dear|good (morning|afternoon|evening))\b[^\n,.!]*[,.!]?/;
const SIGN_OFF =
  /\b(best( regards)?|cheers|thanks( again)?|thank you|warmly|talk soon|all the best|regards|xx?)\b[\s\S]{0,40}$/;
const ASK =
  /\b(could|would|can|will) you\b|\bwould it be possible\b|\b(a|any) favou?r\b|\bintroduce me\b|\bask(ing)? (you|for)\b/;
const VAGUE_ASK =
  /\b(pick your brain|any help|help me out|anything you can do|let me know (your thoughts|if you can help)|some advice)\b/;
const CONCRETE =
  /https?:\/\/|\b\d{1,4}\b|\b(congrat\w*|saw|read|noticed|heard|launch\w*|promot\w*|article|podcast|talk|event|conference|intro\w*|because)\b/;

/** Characters a message should stay under on each channel, and the least that still says something. */
export const CHANNEL_LENGTH: Record<Channel, { max: number; min: number }> = {
  text: { max: 320, min: 20 },
  social_dm: { max: 600, min: 20 },
  linkedin: { max: 1300, min: 40 },
  email: { max: 2500, min: 60 },
  card: { max: 500, min: 30 },
  call: { max: 2000, min: 0 },
  video: { max: 2000, min: 0 },
  in_person: { max: 2000, min: 0 },
  event: { max: 1300, min: 20 },
};

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}']+/u).filter((w) => w.length > 1);
}

/** What is left once greetings, filler and the sign-off are removed: the part that carries content. */
function substance(lower: string, firstName: string | null | undefined): string {
  let s = lower.trim().replace(GREETING, ' ');
  for (const f of FILLER) s = s.replace(f, ' ');
  s = s.replace(SIGN_OFF, ' ');
  if (firstName) s = s.split(firstName.toLowerCase()).join(' ');
  return s;
}

/** F14: flags messages that would not be worth receiving: empty openers, no concrete reason, a vague ask, wrong length. */
export function lintDraft(body: string, channel: Channel, context: LintContext = {}): LintIssue[] {
  const issues: LintIssue[] = [];
  const lower = body.toLowerCase();
  const hasFiller = FILLER.some((f) => {
    f.lastIndex = 0;
    return f.test(lower);
  });
  const rest = words(substance(lower, context.firstName));
  if (hasFiller && rest.length < 6) {
    issues.push({
      code: 'empty_opener',
      severity: 'error',
      message: 'The message is only a pleasantry ("just checking in"): say why you are writing.',
    });
  }
  const anchors = (context.anchors ?? []).filter((a): a is string => !!a && a.trim().length > 2);
  const mentionsAnchor = anchors.some((a) => {
    const keyWords = words(a.toLowerCase()).filter((w) => w.length > 3);
    return keyWords.length > 0 && keyWords.some((w) => lower.includes(w));
  });
  if (!mentionsAnchor && !CONCRETE.test(lower) && rest.length < 40) {
    issues.push({
      code: 'no_reason',
      severity: 'warning',
      message: 'No concrete reason: mention their news, your last topic, or something you are sharing.',
    });
  }
  // A vague ask is unclear however it is phrased; a real ask should end in a question they can answer.
  if (VAGUE_ASK.test(lower) || (ASK.test(lower) && !body.includes('?'))) {
    issues.push({
      code: 'unclear_ask',
      severity: 'warning',
      message:
        'The ask is unclear: state exactly what you would like, as a question they can answer yes or no.',
    });
  }
  const limit = CHANNEL_LENGTH[channel];
  const length = body.trim().length;
  if (length > limit.max) {
    issues.push({
      code: 'too_long',
      severity: 'warning',
      message: `${length} characters is long for ${channel.replace('_', ' ')}; aim for under ${limit.max}.`,
    });
  } else if (length < limit.min && !issues.some((i) => i.code === 'empty_opener')) {
    issues.push({
      code: 'too_short',
      severity: 'warning',
      message: `Very short for ${channel.replace('_', ' ')}.`,
    });
  }
  return issues;
}
