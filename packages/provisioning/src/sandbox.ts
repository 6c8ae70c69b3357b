// The sandbox providers: the zero-setup default, no network, the same lifecycle as real ones.

export {
  parseFailureSpec,
  type SandboxFaults,
  sandboxBeforeStep,
} from './channels/sandbox-faults.ts';
export { createSandboxProviders } from './channels/sandbox-providers.ts';
