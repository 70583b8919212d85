/**
 * A likely conflict of interest: the reviewer's e-mail domain is the organisation's own
 * (its website's or its contact address's). Shared mail providers (gmail.com and the like)
 * say nothing about an affiliation and are ignored.
 */
const publicMailDomains = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.fr',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.fr',
  'yahoo.co.uk',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'mail.com',
  'yandex.com',
  'zoho.com',
]);

function normalise(domain: string | null | undefined): string | null {
  if (!domain) return null;
  const d = domain.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
  return d.includes('.') ? d : null;
}

export function emailDomain(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  return at < 0 ? null : normalise(email.slice(at + 1));
}

export function websiteDomain(website: string | null | undefined): string | null {
  if (!website) return null;
  try {
    return normalise(new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(website) ? website : `https://${website}`).hostname);
  } catch {
    return null;
  }
}

/** The shared domain when the reviewer's address suggests a conflict with the organisation, else null. */
export function likelyConflictDomain(
  reviewerEmail: string,
  organisation: { website?: string | null; contactEmail?: string | null },
): string | null {
  const mine = emailDomain(reviewerEmail);
  if (!mine || publicMailDomains.has(mine)) return null;
  const theirs = [websiteDomain(organisation.website), emailDomain(organisation.contactEmail)];
  // A reviewer at mail.hpa.org and an organisation at hpa.org share an affiliation too.
  const related = (a: string, b: string) => a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
  return theirs.some((d) => d && related(mine, d)) ? mine : null;
}
