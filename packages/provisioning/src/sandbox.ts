// The sandbox providers: the zero-setup default, no network, the same lifecycle as real ones.

export {
  createSandboxCarrier,
  SANDBOX_REJECTION_REASON,
  type SandboxCarrierOptions,
} from './channels/sandbox-carrier.ts';
export {
  parseFailureSpec,
  type SandboxFaults,
  sandboxBeforeStep,
} from './channels/sandbox-faults.ts';
export { createSandboxProviders } from './channels/sandbox-providers.ts';
