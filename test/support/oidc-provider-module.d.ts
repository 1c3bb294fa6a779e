/** oidc-provider ships no typings; the tests use a small part of it (see oidc-provider.ts). */
declare module 'oidc-provider';
