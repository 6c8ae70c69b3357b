import { createTransport } from 'nodemailer';

/** Sends one mail over SMTP to `smtpUrl`, as the product's sender would. */
export const sendMail = async (
  smtpUrl: string,
  mail: { subject: string; to?: string; html?: string; text?: string; messageId?: string },
) => {
  const transport = createTransport(smtpUrl);
  try {
    await transport.sendMail({
      from: 'PILAR <no-reply@pilar.test>',
      to: mail.to ?? 'inhaberin@studio.test',
      subject: mail.subject,
      text: mail.text ?? `${mail.subject}\n`,
      ...(mail.html ? { html: mail.html } : {}),
      ...(mail.messageId ? { messageId: mail.messageId } : {}),
    });
  } finally {
    transport.close();
  }
};
