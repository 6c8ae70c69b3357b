import { type ServerProcess, startServerProcess } from '../../test/support/server-process.ts';
import { WIZARD_CONSENT } from '../../test/support/signup-consent.ts';
import { createTestClient, type TestClient } from '../../test/support/trpc-client.ts';
import { waitFor } from '../../test/support/wait-for.ts';

/**
 * For each round and step: signs a studio up, kills the server with SIGKILL while the run is
 * at that step, restarts it and waits for the run to resume to ready before the next kill, so
 * each run is cut exactly once, at its step. Returns what each kill and restart came to.
 */
export const killAtEveryStep = async (
  env: Record<string, string>,
  steps: readonly string[],
  rounds: number,
) => {
  const runs: { runId: string; step: string }[] = [];
  /** The exit code of each killed server: null when SIGKILL ended it. */
  const killExitCodes: (number | null)[] = [];
  let notResumed = 0;
  let server: ServerProcess = await startServerProcess(env);
  try {
    for (let round = 0; round < rounds; round++) {
      for (const step of steps) {
        const index = runs.length;
        const { client, jar } = createTestClient(server.baseUrl);
        const { runId } = await client.signup.create.mutate({
          studioName: `Absturz ${index}`,
          ownerEmail: `absturz${index}@example.com`,
          password: 'SicheresPasswort!',
          consent: WIZARD_CONSENT,
        });
        runs.push({ runId, step });
        await waitFor(`step ${step} of run ${index}`, async () => {
          const status = await client.provisioning.status.query({ runId });
          return status.steps.find((s) => s.name === step)?.status === 'running' || undefined;
        });
        killExitCodes.push(await server.stop('SIGKILL'));
        server = await startServerProcess(env);
        // The same browser (cookie) asks the restarted server.
        const resumed: TestClient = createTestClient(server.baseUrl, jar).client;
        const ready = await waitFor(`run ${index} to resume`, async () => {
          const status = await resumed.provisioning.status.query({ runId });
          return status.status === 'ready' ? status : undefined;
        }).catch(() => undefined);
        if (!ready) notResumed++;
      }
    }
  } finally {
    await server.stop();
  }
  return { runs, killExitCodes, notResumed };
};
