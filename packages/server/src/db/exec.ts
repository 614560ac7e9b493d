/** Something that runs queries: the database or a transaction, so one function serves both. */
import type { Db } from './client.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Exec = Db | Tx;
