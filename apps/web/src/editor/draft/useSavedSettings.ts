import { renderAgentPrompt, type TenantConfig } from '@pilar/provisioning/contracts';
import { trpc } from '../../trpc.ts';

/** `settings.get`: the saved document (complete, as the server sends it) and its version. */
export const useSavedSettings = () => trpc.settings.get.useQuery();

/** A committed version (a save or a restore) becomes the cached saved settings and history. */
export const useCommittedVersion = () => {
  const utils = trpc.useUtils();
  return ({ version, config }: { version: number; config: TenantConfig }) => {
    utils.settings.get.setData(undefined, (old) =>
      old
        ? {
            ...old,
            version,
            config,
            agentPrompt: renderAgentPrompt({ studioName: old.studioName, config }),
          }
        : old,
    );
    void utils.history.list.invalidate();
  };
};
