import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, requestIdFrom, serializeError, withoutParams } from './log';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

describe('logs', () => {
  it('are one JSON object a line, with level, time, message and the request id', () => {
    const { logger, lines } = capture();
    logger.child({ reqId: 'abc123' }).info({ outboxId: 'm1' }, 'mail sent');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ level: 'info', msg: 'mail sent', reqId: 'abc123', outboxId: 'm1' });
    expect(new Date(line.time).toString()).not.toBe('Invalid Date');
  });

  it('never carry passwords, tokens, cookies or application content, whoever logs them', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        password: 'hunter2-secret',
        user: { email: 'a@b.c', passwordHash: '$argon2id$x' },
        headers: { cookie: 'authjs.session-token=tok', authorization: 'Bearer tok2' },
        input: { applicationId: 'x', draft: { title: 'Our confidential plan' } },
        token: 'reset-token-value',
        content: 'bytes of a file',
      },
      'something happened',
    );
    const text = lines.join('\n');
    for (const secret of ['hunter2-secret', '$argon2id$x', 'authjs.session-token=tok', 'Bearer tok2', 'Our confidential plan', 'reset-token-value', 'bytes of a file']) {
      expect(text).not.toContain(secret);
    }
    expect(JSON.parse(lines[0]).user.email).toBe('a@b.c');
  });

  it('errors keep their SQL and stack but lose the bound parameters of a failed query', () => {
    const error = new Error('Failed query: update users set password_hash = $1 where id = $2\nparams: $argon2id$secret,7f0c');
    error.stack = `${error.message}\n    at run (db.ts:1:1)`;
    const cause = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    (error as Error & { cause: unknown }).cause = cause;
    const serialized = serializeError(error);
    expect(JSON.stringify(serialized)).not.toContain('$argon2id$secret');
    expect(serialized.message).toContain('update users set password_hash');
    expect(serialized.stack).toContain('at run (db.ts:1:1)');
    expect(serialized.cause).toMatchObject({ code: '23505' });
    expect(withoutParams('no parameters here')).toBe('no parameters here');

    const { logger, lines } = capture();
    logger.error({ err: error }, 'action failed');
    expect(lines[0]).not.toContain('$argon2id$secret');
  });

  it('take the request id from the proxy only when it looks like one', () => {
    expect(requestIdFrom(new Headers({ 'x-request-id': '0f3a9c' }))).toBe('0f3a9c');
    expect(requestIdFrom({ 'x-request-id': 'abc-123' })).toBe('abc-123');
    expect(requestIdFrom({ 'x-request-id': 'a b\n{"level":"fatal"}' })).toBeUndefined();
    expect(requestIdFrom(new Headers())).toBeUndefined();
  });
});
