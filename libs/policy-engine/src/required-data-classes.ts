import type { Evaluator } from './policy-compiler';

export interface RequiredDataClasses {
  /** Data class ids some enabled rule tests (sorted): run only these detectors. Empty: run none. */
  classes: string[];
  /**
   * Some enabled rule matches regardless of data classes (no dataClasses in its `when`), so a
   * decision is worth making even when no detector runs.
   */
  dataClassAgnostic: boolean;
}

/** Which content detectors a compiled policy needs, so the API runs only those. */
export function requiredDataClasses(evaluator: Pick<Evaluator, 'classesReferenced' | 'dataClassAgnostic'>): RequiredDataClasses {
  return { classes: [...evaluator.classesReferenced].sort(), dataClassAgnostic: evaluator.dataClassAgnostic };
}
