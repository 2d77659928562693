/** Where a draft can be opened: the user's own mail, phone or messaging app, with the text filled in. */
export interface DeepLinkTarget {
  email?: string | null;
  phoneE164?: string | null;
  linkedinUrl?: string | null;
}
export interface DeepLinks {
  mailto: string | null;
  sms: string | null;
  tel: string | null;
  whatsapp: string | null;
  linkedin: string | null;
}

// RFC 6068: percent-encode everything outside unreserved; line breaks travel as CRLF.
function rfc6068(text: string): string {
  return encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
}

function isEmail(value: string): boolean {
  return /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+$/.test(value);
}

/** F14: mailto:, sms:, tel:, WhatsApp and LinkedIn links for a draft; a link is null when the contact lacks that address. */
export function deepLinks(target: DeepLinkTarget, draft: { subject?: string; body: string }): DeepLinks {
  const email = target.email && isEmail(target.email) ? target.email : null;
  const phone = target.phoneE164 && /^\+[1-9]\d{6,14}$/.test(target.phoneE164) ? target.phoneE164 : null;
  const linkedin =
    target.linkedinUrl && /^https:\/\/([a-z]+\.)?linkedin\.com\//i.test(target.linkedinUrl)
      ? target.linkedinUrl
      : null;
  const query = [draft.subject ? `subject=${rfc6068(draft.subject)}` : null, `body=${rfc6068(draft.body)}`]
    .filter(Boolean)
    .join('&');
  return {
    // The address goes through encodeURI's rules for the path, so '+' tags and dots survive.
    mailto: email ? `mailto:${encodeURIComponent(email).replace(/%40/g, '@')}?${query}` : null,
    // RFC 5724: sms:<number>?body=<text>.
    sms: phone ? `sms:${phone}?body=${encodeURIComponent(draft.body)}` : null,
    tel: phone ? `tel:${phone}` : null,
    whatsapp: phone ? `https://wa.me/${phone.slice(1)}?text=${encodeURIComponent(draft.body)}` : null,
    // LinkedIn cannot prefill a message: the link opens the profile and the draft is copied by the app.
    linkedin,
  };
}
