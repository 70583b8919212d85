import { describe, expect, it } from 'vitest';
import { assertCan, can, homeFor, permissions } from '.';

describe('permissions', () => {
  it('every permission names at least one role, and only known roles', () => {
    for (const [permission, roles] of Object.entries(permissions)) {
      expect(roles.length, permission).toBeGreaterThan(0);
      for (const role of roles) expect(['admin', 'reviewer', 'applicant']).toContain(role);
    }
  });

  it('a visitor can do nothing; roles grant exactly their permissions', () => {
    expect(can(null, 'call:manage')).toBe(false);
    expect(can({ id: 'a', roles: ['applicant'] }, 'application:edit')).toBe(true);
    expect(can({ id: 'a', roles: ['applicant'] }, 'call:manage')).toBe(false);
    expect(can({ id: 'r', roles: ['reviewer'] }, 'review:write')).toBe(true);
    expect(can({ id: 'r', roles: ['reviewer'] }, 'ranking:read')).toBe(false);
    expect(can({ id: 'x', roles: ['reviewer', 'admin'] }, 'ranking:read')).toBe(true);
  });

  it('assertCan tells signed-out from not allowed', () => {
    expect(() => assertCan(null, 'call:manage')).toThrow('unauthenticated');
    expect(() => assertCan({ id: 'a', roles: ['applicant'] }, 'call:manage')).toThrow('forbidden');
    expect(() => assertCan({ id: 'a', roles: ['admin'] }, 'call:manage')).not.toThrow();
  });

  it('a user with several roles starts at the most powerful home', () => {
    expect(homeFor(['applicant'])).toBe('/dashboard');
    expect(homeFor(['reviewer', 'applicant'])).toBe('/review');
    expect(homeFor(['admin', 'reviewer'])).toBe('/admin');
  });
});
