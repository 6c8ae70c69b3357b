import { and, eq } from 'drizzle-orm';
import { channelLifecycles } from '../schema/index.ts';

/** The `where` of a studio's phone lifecycle (one row per studio and channel). */
export const phoneLifecycleOf = (tenantId: string) =>
  and(eq(channelLifecycles.tenantId, tenantId), eq(channelLifecycles.channel, 'phone'));
