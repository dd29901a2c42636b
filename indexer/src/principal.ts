/** Principal still out in a machine group, as FinancingPool.outstandingOf has it: the one definition. */
export function outstandingOf(machine: { deployed: bigint; repaid: bigint; writtenDown: bigint }): bigint {
  return machine.deployed - machine.repaid - machine.writtenDown;
}
