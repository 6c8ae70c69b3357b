import { describeDatabase } from '@pilar/provisioning/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIZARD_CONSENT } from '../test/support/signup-consent.ts';
import { startTestServer, type TestServer } from '../test/support/test-server.ts';
import { createTestClient, type TestClient } from '../test/support/trpc-client.ts';
import { recordProof } from './support/ledger.ts';

const ROUNDS = 50;
const owner = {
  studioName: 'Zwei-Tabs-Studio',
  ownerEmail: 'zweitabs@example.com',
  password: 'SicheresPasswort!',
  consent: WIZARD_CONSENT,
};

describe(`concurrent settings edits (${describeDatabase()})`, () => {
  let server: TestServer;
  let tabs: TestClient[];
  beforeAll(async () => {
    server = await startTestServer();
    await createTestClient(server.baseUrl).client.signup.create.mutate(owner);
    // Two browser tabs of the owner: two sessions editing the same section.
    tabs = await Promise.all(
      [1, 2].map(async () => {
        const { client } = createTestClient(server.baseUrl);
        await client.auth.login.mutate({ email: owner.ownerEmail, password: owner.password });
        return client;
      }),
    );
  });
  afterAll(async () => {
    await server.close();
  });

  it('gives exactly one conflict per pair of concurrent saves and loses no update', async ({
    task,
  }) => {
    const [first, second] = tabs as [TestClient, TestClient];
    let conflicts = 0;
    let lost = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { version, config } = await first.settings.get.query();
      const save = (client: TestClient, tab: number) =>
        client.settings.saveSection.mutate({
          section: 'openingMessages',
          expectedVersion: version,
          value: { ...config.openingMessages, voice: `Runde ${round}, Tab ${tab}: Hallo!` },
        });
      const results = await Promise.allSettled([save(first, 1), save(second, 2)]);
      const won = results.flatMap((result, i) => (result.status === 'fulfilled' ? [i + 1] : []));
      const refused = results.filter(
        (result) =>
          result.status === 'rejected' &&
          (result.reason as { data?: { domainCode?: string } }).data?.domainCode ===
            'VERSION_CONFLICT',
      ).length;
      conflicts += refused;
      const after = await second.settings.get.query();
      const kept =
        won.length === 1 &&
        after.version === version + 1 &&
        after.config.openingMessages.voice === `Runde ${round}, Tab ${won[0]}: Hallo!`;
      if (!kept || refused !== 1) lost++;
    }
    const history = await first.history.list.query();
    recordProof(task, {
      check: `two concurrent saves of one settings section (${describeDatabase()})`,
      tries: ROUNDS,
      outcome: `${conflicts} conflicts in ${ROUNDS} rounds, latest version ${history[0]?.version}`,
      lost,
    });
    expect(conflicts).toBe(ROUNDS);
    expect(lost).toBe(0);
    // One new version per round, none more: the loser wrote nothing.
    expect(history[0]?.version).toBe(ROUNDS + 1);
  });
});
