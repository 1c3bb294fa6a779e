import type { AuthProvider } from 'react-admin';
import { HttpError } from 'react-admin';
import { httpClient } from '../api/http';
import { can, permissionFor } from './permissions';
import { currentMe, forgetMe, hasSessionHint, isUnauthenticated, loadMe } from './session';

export const authProvider: AuthProvider = {
  /**
   * { email, password }; or { secondFactor } to complete a sign-in that asked for one; or
   * { signedIn: true } when the sign-in page already opened the session.
   */
  async login(params: { username?: string; email?: string; password?: string; secondFactor?: unknown; signedIn?: boolean }) {
    if (params.secondFactor) {
      await httpClient('/api/auth/mfa/sign-in', { method: 'POST', body: JSON.stringify(params.secondFactor) });
    } else if (!params.signedIn) {
      await httpClient('/api/auth/login', { method: 'POST', body: JSON.stringify({ email: (params.email ?? params.username ?? '').trim(), password: params.password }) });
    }
    const me = await loadMe(true);
    // A role that requires a second factor enrols before anything else.
    if (me.mfa?.enrolmentRequired) return { redirectTo: '/account/security' };
    // Employees land on their portal; staff go back where they were headed (or the dashboard).
    return me.permissions.some((p) => p !== 'portal') ? undefined : { redirectTo: '/portal/tools' };
  },

  /**
   * Ends the session. After a single sign-on session the API names the identity provider's logout
   * (RP-initiated logout): the browser goes there, and the provider sends it back to the console.
   */
  async logout() {
    let endSessionUrl: string | undefined;
    try {
      if (currentMe() || hasSessionHint()) {
        await loadMe();
        const { json } = await httpClient('/api/auth/logout', { method: 'POST', body: '{}' });
        const url = (json as { endSessionUrl?: unknown } | undefined)?.endSessionUrl;
        // Only an absolute http(s) URL: react-admin navigates the whole window to it.
        if (typeof url === 'string' && /^https?:\/\//.test(url)) endSessionUrl = url;
      }
    } catch {
      // Already signed out (expired session): nothing more to do.
    }
    forgetMe();
    return endSessionUrl;
  },

  async checkAuth() {
    // Never signed in from this browser: straight to the sign-in page, without a message.
    if (!currentMe() && !hasSessionHint()) throw { message: false };
    try {
      await loadMe();
    } catch (err) {
      forgetMe();
      if (isUnauthenticated(err)) throw new Error('ra.auth.auth_check_error', { cause: err });
      throw err;
    }
  },

  async checkError(error: unknown) {
    if (error instanceof HttpError && error.status === 401) {
      forgetMe();
      throw new Error('ra.auth.auth_check_error');
    }
    // 403 and the rest: stay signed in, the page shows the message.
  },

  async getIdentity() {
    if (!currentMe() && !hasSessionHint()) throw new Error('ra.auth.auth_check_error');
    const me = await loadMe();
    return { id: me.user.id, fullName: me.user.name || me.user.email, email: me.user.email, role: me.user.role };
  },

  async getPermissions() {
    if (!currentMe() && !hasSessionHint()) return [];
    try {
      const me = await loadMe();
      return me.permissions;
    } catch {
      return [];
    }
  },

  async canAccess({ resource, action }) {
    if (!currentMe() && !hasSessionHint()) return false;
    const me = await loadMe().catch(() => null);
    if (!me) return false;
    const permission = permissionFor(resource, action);
    return permission === null ? true : can(me.permissions, permission);
  },
};
