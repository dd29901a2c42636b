import { sql } from 'ponder';

/** Values as SQL parameters separated by commas, for `in (…)`: every list of chains, accounts or pools. */
export const sqlList = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
