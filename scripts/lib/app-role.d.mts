// Types for app-role.mjs (the integration tests import it).
export declare const APP_ROLE: string;
export declare function appPrivilegesSql(opts: { role: string; owner: string; database: string; auditTableExists: boolean; migrationsTableExists: boolean }): string[];
export declare function ensureAppRole(adminUrl: string, opts: { role?: string; password: string }): Promise<void>;
export declare function urlAs(url: string, user: string, password: string): string;
