import { randomBytes } from 'node:crypto';
import { listChannels, revealChannelSecret } from '@pilar/provisioning';
import { z } from 'zod/mini';
import { ownOrigin } from '../http/client-info.ts';
import { memberProcedure, router } from '../trpc/init.ts';

const webhookPath = (tenantId: string) => `/webhooks/whatsapp/${tenantId}`;

export const channelsRouter = router({
  /** Numbers, SIP username and domain, WhatsApp channels and integrations — no secrets. */
  list: memberProcedure.query(async ({ ctx }) => ({
    ...(await ctx.inTenant((db) => listChannels(db, ctx.tenantId))),
    webhookUrl: `${ownOrigin(ctx.req, ctx.config.trustProxy)}${webhookPath(ctx.tenantId)}`,
  })),

  /**
   * One secret in plaintext, on a member's explicit request (never logged): admins set up the
   * studio's phones and WhatsApp too.
   */
  revealSecret: memberProcedure
    .input(
      z.object({
        kind: z.enum(['sipPassword', 'whatsappVerifyToken'], { error: 'Unknown secret' }),
        channelId: z.uuid('Invalid channel id'),
      }),
    )
    .mutation(async ({ ctx, input }) => ({
      secret: await ctx.inTenant((db) =>
        revealChannelSecret(db, ctx.services.keyring, ctx.tenantId, input),
      ),
    })),

  /**
   * Runs Meta's verification handshake against this server's own webhook endpoint, with the
   * stored token (expects the challenge back) and with a wrong one (expects 403).
   */
  testWebhook: memberProcedure
    .input(z.object({ channelId: z.uuid('Invalid channel id') }))
    .mutation(async ({ ctx, input }) => {
      const token = await ctx.inTenant((db) =>
        revealChannelSecret(db, ctx.services.keyring, ctx.tenantId, {
          kind: 'whatsappVerifyToken',
          channelId: input.channelId,
        }),
      );
      const challenge = randomBytes(8).toString('hex');
      const url = (verifyToken: string) => {
        const target = new URL(
          webhookPath(ctx.tenantId),
          ownOrigin(ctx.req, ctx.config.trustProxy),
        );
        target.search = new URLSearchParams({
          'hub.mode': 'subscribe',
          'hub.verify_token': verifyToken,
          'hub.challenge': challenge,
        }).toString();
        return target;
      };
      const right = await fetch(url(token));
      const echoed = right.ok && (await right.text()) === challenge;
      const wrong = await fetch(url(`${token}-wrong`));
      return {
        ok: echoed && wrong.status === 403,
        validTokenStatus: right.status,
        wrongTokenStatus: wrong.status,
      };
    }),
});
