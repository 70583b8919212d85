import type { Sql, TransactionSql } from 'postgres';

type Body = (sql: TransactionSql) => unknown;

/**
 * Drizzle sends each query it builds as an unnamed statement (postgres.js's `prepare: false`).
 * A query with parameters then costs two round trips, since postgres.js must first ask the
 * server for the parameters' types, and it holds the connection until the answer, so the
 * queries a transaction starts together (Promise.all) go one after another. A named
 * statement, prepared once per connection, takes one round trip and is pipelined: what
 * postgres.js does by default for its own queries. This makes every query drizzle sends, in
 * a transaction or not, a named statement. (Behind PgBouncer in transaction mode, its
 * `max_prepared_statements` must be set: see the README.)
 */
export function preparingEveryQuery<T extends Sql | TransactionSql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, parameters?: unknown[], options?: object) =>
          target.unsafe(query, parameters as never, { ...options, prepare: true });
      }
      if (property === 'begin' || property === 'savepoint') {
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const body = args.pop() as Body;
          return open.call(target, ...args, (sql: TransactionSql) => body(preparingEveryQuery(sql)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
