import type { PlaceholderPhone } from '../../channels/placeholders.ts';
import type { ChannelProviders } from '../../channels/providers.ts';
import type { Transaction } from '../../db/types.ts';
import type { Keyring } from '../../secrets/keyring.ts';

/** What provisioning steps need besides the database. */
export interface ProvisioningServices {
  keyring: Keyring;
  providers: ChannelProviders;
  /** Signup's phone number and SIP credentials before going live. */
  placeholderPhone: () => PlaceholderPhone;
  /** Runs before every step attempt; the sandbox uses it to inject delays and failures. */
  beforeStep?: (step: string, attempt: number) => Promise<void>;
}

/**
 * A named unit of provisioning. It runs inside the run's transaction for this step, which
 * also records the step as done. Running it again never creates a second copy of anything.
 */
export interface ProvisioningStep {
  name: string;
  run(tx: Transaction, services: ProvisioningServices, tenantId: string): Promise<void>;
}
