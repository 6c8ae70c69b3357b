const ATTEMPTS = 5;

/**
 * Inserts a row whose number comes from a provider. `insertIfFree` asks the provider for a
 * number and inserts it unless the number is already taken (insert … on conflict do
 * nothing), answering whether it did; on a taken number another one is asked for.
 */
export const insertWithFreshNumber = async (insertIfFree: () => Promise<boolean>) => {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    if (await insertIfFree()) return;
  }
  throw new Error(`Every number offered in ${ATTEMPTS} attempts was already taken`);
};
