import type { Driver, ManagedTransaction, Result, Session } from 'neo4j-driver';

/** A member of `target`, methods bound to it: what a Proxy hands out for members it leaves alone. */
export function bound<T extends object>(target: T, prop: string | symbol): unknown {
  const value = Reflect.get(target, prop, target) as unknown;
  return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
}

export type TransactionRun = (
  tx: ManagedTransaction,
  query: string,
  params?: Record<string, unknown>,
) => Result;

/**
 * The driver with every statement of its managed transactions (session().executeWrite and
 * executeRead, which the writer uses) sent through `run`, so benchmarks can time or profile the
 * writer without touching it. `driverMembers` replaces other members of the driver, by name.
 */
export function instrumentTransactions(
  driver: Driver,
  run: TransactionRun,
  driverMembers: Record<string, (target: Driver) => unknown> = {},
): Driver {
  const wrapTx = (tx: ManagedTransaction) =>
    new Proxy(tx, {
      get(target, prop) {
        if (prop !== 'run') return bound(target, prop);
        return (query: string, params?: Record<string, unknown>) => run(target, query, params);
      },
    });
  const wrapSession = (session: Session) =>
    new Proxy(session, {
      get(target, prop) {
        if (prop !== 'executeWrite' && prop !== 'executeRead') return bound(target, prop);
        return (work: (tx: ManagedTransaction) => Promise<unknown>, config?: object) =>
          target[prop]((tx) => work(wrapTx(tx)), config);
      },
    });
  return new Proxy(driver, {
    get(target, prop) {
      if (prop === 'session') return (config?: object) => wrapSession(target.session(config));
      const replace = typeof prop === 'string' ? driverMembers[prop] : undefined;
      return replace ? replace(target) : bound(target, prop);
    },
  });
}
