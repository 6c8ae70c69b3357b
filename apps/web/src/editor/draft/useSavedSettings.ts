import { type TenantConfig, tenantConfigSchema } from '@pilar/provisioning/contracts';
import { trpc } from '../../trpc.ts';

/**
 * The stored document with the contract's defaults filled in (documents written before a
 * field existed lack it, e.g. `additionalRanges`), so forms and the preview see every field.
 */
export const completeConfig = (config: TenantConfig): TenantConfig => {
  const parsed = tenantConfigSchema.safeParse(config);
  return parsed.success ? parsed.data : config;
};

const select = <T extends { config: TenantConfig }>(data: T): T => ({
  ...data,
  config: completeConfig(data.config),
});

/** `settings.get`, with the document completed once per response. */
export const useSavedSettings = () => trpc.settings.get.useQuery(undefined, { select });
