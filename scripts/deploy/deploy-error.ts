/**
 * A refusal the deployer can act on: bad input, a check the chain fails, a journal that belongs to another
 * deploy. The CLI prints its message alone (no stack) and exits non-zero.
 */
export class DeployError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeployError';
  }
}
