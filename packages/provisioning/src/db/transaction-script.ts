/** Raw SQL that opens its own transaction (BEGIN … COMMIT), as pg-boss's locked scripts do. */
export const opensTransaction = (text: string) => /^\s*BEGIN\b/im.test(text);
