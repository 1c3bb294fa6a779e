import type { MailMessage } from '../mail/mailer';

/** The two mails a local account receives. Plain text: the link is the only thing to act on. */
export function invitationMail(opts: { to: string; name: string; organization: string; link: string; invitedBy: string; expiresAt: Date }): MailMessage {
  return {
    to: opts.to,
    subject: `You are invited to Airlock (${opts.organization})`,
    text: [
      `Hello ${opts.name},`,
      '',
      `${opts.invitedBy} invited you to Airlock, ${opts.organization}'s control point for AI services.`,
      'Choose your password to activate your account:',
      '',
      opts.link,
      '',
      `The link works once and expires on ${opts.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      'If you did not expect this invitation, ignore this mail.',
    ].join('\n'),
  };
}

export function passwordResetMail(opts: { to: string; name: string; link: string; expiresAt: Date }): MailMessage {
  return {
    to: opts.to,
    subject: 'Reset your Airlock password',
    text: [
      `Hello ${opts.name},`,
      '',
      'Someone (hopefully you) asked to reset the password of your Airlock account. Choose a new one here:',
      '',
      opts.link,
      '',
      `The link works once and expires on ${opts.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      'Resetting the password signs you out everywhere. If you did not ask for this, ignore this mail: your password stays as it is.',
    ].join('\n'),
  };
}
