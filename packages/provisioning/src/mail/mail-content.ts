/**
 * What a mail says, by template, with the values it needs. Stored sealed in the outbox (links
 * carry tokens) and rendered at delivery, in the recipient's language.
 */
export type MailContent =
  | {
      /** After signup (`welcome: true`) or on request: confirm the address by link or code. */
      template: 'verify_email';
      welcome: boolean;
      studioName: string;
      verifyUrl: string;
      code: string;
      linkValidHours: number;
      codeValidMinutes: number;
    }
  | { template: 'password_reset'; resetUrl: string; validMinutes: number }
  /** A reset was asked for an address without an account (the answer on screen is the same). */
  | { template: 'password_reset_unknown'; signupUrl: string }
  | { template: 'password_changed'; resetUrl: string }
  /** To the new address: confirm it before it replaces the old one. */
  | { template: 'email_change'; newEmail: string; verifyUrl: string; linkValidHours: number }
  /** To the old address, once the change is confirmed. */
  | { template: 'email_changed'; oldEmail: string; newEmail: string }
  /** An owner invites a colleague into the studio. */
  | {
      template: 'team_invitation';
      studioName: string;
      invitedBy: string;
      acceptUrl: string;
      validDays: number;
    }
  /** To the owner, once the studio and all its data are deleted. */
  | { template: 'studio_deleted'; studioName: string }
  /** To the owner: the carrier's review passed, the number is bought and on the voice agent. */
  | { template: 'phone_live'; studioName: string; number: string; checklistUrl: string }
  /** To the owner: the carrier's review refused the business details, with its reason. */
  | { template: 'phone_rejected'; studioName: string; reason: string; checklistUrl: string };

export type MailTemplate = MailContent['template'];

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** Who sends: named in every footer; links point below `publicUrl`. */
export interface MailBrand {
  operatorName: string;
  publicUrl: string;
  /** Absolute URLs of the Impressum and the privacy notice, linked in every footer. */
  imprintUrl: string;
  privacyUrl: string;
}
