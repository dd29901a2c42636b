/**
 * A refusal the operator can act on: bad input, a missing role, a check the chain would fail. The CLI prints its
 * message alone (no stack) and exits non-zero; nothing has been sent when one is thrown before the plan runs.
 */
export class OpsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpsError';
  }
}
