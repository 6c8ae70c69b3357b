import type { Transaction } from '../../db/types.ts';
import { violatedUniqueConstraint } from '../../db/unique-violation.ts';

const ATTEMPTS = 5;

/**
 * Inserts a row whose number comes from a provider; should the number already be taken,
 * asks for another. Each try runs in a savepoint so a collision does not abort the step.
 */
export const insertWithFreshNumber = async (
  tx: Transaction,
  numberConstraint: string,
  insert: (tx: Transaction) => Promise<void>,
) => {
  for (let attempt = 1; ; attempt++) {
    try {
      await tx.transaction(insert);
      return;
    } catch (error) {
      if (violatedUniqueConstraint(error) !== numberConstraint || attempt === ATTEMPTS) throw error;
    }
  }
};
