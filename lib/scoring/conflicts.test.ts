import { describe, expect, it } from 'vitest';
import { emailDomain, likelyConflictDomain, websiteDomain } from './conflicts';

describe('likely conflicts', () => {
  it('flags a reviewer whose e-mail domain is the organisation website or contact domain', () => {
    expect(likelyConflictDomain('amina@shpa.org', { website: 'https://www.shpa.org/about' })).toBe('shpa.org');
    expect(likelyConflictDomain('Amina@SHPA.org', { contactEmail: 'info@shpa.org' })).toBe('shpa.org');
    expect(likelyConflictDomain('amina@mail.shpa.org', { website: 'shpa.org' })).toBe('mail.shpa.org');
  });

  it('does not flag different domains, missing data or shared mail providers', () => {
    expect(likelyConflictDomain('amina@iom.int', { website: 'https://shpa.org', contactEmail: 'info@shpa.org' })).toBeNull();
    expect(likelyConflictDomain('amina@iom.int', {})).toBeNull();
    expect(likelyConflictDomain('amina@gmail.com', { contactEmail: 'shpa@gmail.com' })).toBeNull();
    expect(likelyConflictDomain('amina@notshpa.org', { website: 'https://shpa.org' })).toBeNull();
  });

  it('reads domains from addresses and web addresses', () => {
    expect(emailDomain('x@Example.ORG')).toBe('example.org');
    expect(emailDomain('nope')).toBeNull();
    expect(websiteDomain('www.example.org')).toBe('example.org');
    expect(websiteDomain('http://localhost')).toBeNull();
    expect(websiteDomain('::::')).toBeNull();
  });
});
