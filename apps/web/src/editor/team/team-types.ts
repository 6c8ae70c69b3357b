import type { RouterOutputs } from '@pilar/api/router';

/** `team.list`, as the server answers it (its dates arrive as ISO text, whatever the type says). */
export type Team = RouterOutputs['team']['list'];
export type TeamMember = Team['members'][number];
export type TeamInvitation = Team['invitations'][number];
