import type { PolicyIssue } from './types';

/** `rules[2].when.actions[0]` from `['rules', 2, 'when', 'actions', 0]`. */
export function formatIssuePath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(root)' : out;
}

/**
 * Thrown by compilePolicy when the rules, catalog, zones or settings are invalid. Lists every problem
 * found, not just the first, each with the path to the offending value.
 */
export class PolicyCompileError extends Error {
  readonly code = 'policy_invalid' as const;
  readonly problems: readonly PolicyIssue[];

  constructor(problems: readonly PolicyIssue[]) {
    const lines = problems.map((p) => `  ${formatIssuePath(p.path)}: ${p.message}`);
    super(`The policy does not compile (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'PolicyCompileError';
    this.problems = Object.freeze(problems.map((p) => Object.freeze({ path: [...p.path], message: p.message })));
  }
}
