import { z } from 'zod';
import { line, slug } from './common';

export const ROLES = ['owner', 'admin', 'analyst', 'auditor', 'employee'] as const;
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;

export const loginInput = z.strictObject({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});

export const passwordSchema = z.string().min(12, 'must be at least 12 characters').max(256);

export const userCreate = z.strictObject({
  email: z.email().max(320).transform((e) => e.toLowerCase()),
  name: line(200),
  role,
  groups: z.array(slug).max(100).default([]),
  /** Omit to send an invitation instead. */
  password: passwordSchema.optional(),
});
export const userUpdate = z.strictObject({
  name: line(200).optional(),
  role: role.optional(),
  groups: z.array(slug).max(100).optional(),
  disabled: z.boolean().optional(),
});

export const passwordResetRequest = z.strictObject({ email: z.string().trim().min(3).max(320) });
export const passwordResetConfirm = z.strictObject({ token: z.string().min(10).max(200), password: passwordSchema });
export const passwordChange = z.strictObject({ currentPassword: z.string().min(1).max(1024), newPassword: passwordSchema });
