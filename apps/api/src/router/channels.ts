import { randomBytes } from 'node:crypto';
import {
  businessDetailsSchema,
  DomainError,
  listChannels,
  readPhoneVerification,
  revealChannelSecret,
  submitPhoneVerification,
} from '@pilar/provisioning';
import { z } from 'zod/mini';
import { ownOrigin } from '../http/client-info.ts';
import { memberProcedure, router } from '../trpc/init.ts';

const webhookPath = (tenantId: string) => `/webhooks/whatsapp/${tenantId}`;

/** The text fields of a multipart form; a field sent as a file or twice is not text. */
const textFields = (form: FormData, names: readonly string[]) =>
  Object.fromEntries(
    names.map((name) => {
      const values = form.getAll(name);
      return [name, values.length === 1 && typeof values[0] === 'string' ? values[0] : undefined];
    }),
  );

/** The one file of a field; a field sent twice or as text is no file. */
const fileField = (form: FormData, name: string) => {
  const values = form.getAll(name);
  return values.length === 1 && values[0] instanceof File ? values[0] : null;
};

export const channelsRouter = router({
  /**
   * The business details and document for the carrier's review of a German number, as
   * multipart form data; starts (or, after a rejection, restarts) the phone's going live.
   */
  submitPhoneVerification: memberProcedure
    .input(z.instanceof(FormData, { error: 'Send the details as multipart form data' }))
    .mutation(async ({ ctx, input }) => {
      const { details, document } = await readPhoneVerification(
        textFields(input, Object.keys(businessDetailsSchema.shape)),
        fileField(input, 'document'),
      );
      // Not while the phone's work runs: it would go on with the replaced details.
      const release = await ctx.phoneGoLive.hold(ctx.tenantId);
      if (!release) throw new DomainError('PHONE_DETAILS_LOCKED', { stage: 'in_review' });
      const result = await ctx
        .inTenant((db) =>
          submitPhoneVerification(
            db,
            ctx.services.keyring,
            { tenantId: ctx.tenantId, userId: ctx.session.userId },
            { details, document },
          ),
        )
        .finally(release);
      // Released first: the job must find the work free.
      await ctx.phoneGoLive.notify(ctx.tenantId);
      return result;
    }),

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
