// What the test run's global set-up hands every test file (`inject`).
declare module 'vitest' {
  export interface ProvidedContext {
    embeddedDatabaseUrl: string;
  }
}

export {};
