/**
 * 25 % more gas than estimated, for every write the app and the scripts send. The estimate is made against the
 * pending block; by the time the transaction is mined more revenue may have streamed or a storage slot turned
 * from zero, and a transaction that runs out of gas reverts and still costs its fee.
 */
export function withGasMargin(estimate: bigint): bigint {
  return (estimate * 125n) / 100n;
}
