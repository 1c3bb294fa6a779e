import { existsSync } from 'node:fs';
import path from 'node:path';

/** The checkout (or image) root: the folder holding prisma/ and apps/. Works from src/ and dist/. */
function findRoot(): string {
  let dir = __dirname;
  while (dir !== path.dirname(dir)) {
    if (existsSync(path.join(dir, 'prisma', 'schema.prisma'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`Cannot find the Airlock root (a folder with prisma/schema.prisma) above ${__dirname}`);
}

let root: string | undefined;
export function repoPath(...parts: string[]): string {
  root ??= findRoot();
  return path.join(root, ...parts);
}
