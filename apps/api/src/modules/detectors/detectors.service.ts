import { Injectable } from '@nestjs/common';
import type { BuiltinDetectorOutput, DetectorTestOutput } from '@airlock/contracts';
import { type CustomDetectorDef, DETECTORS, testCustomDetector, validateCustomDetector } from '@airlock/detectors';
import { AppError } from '../../common/errors';
import { Transactions } from '../../database/transactions';
import type { CustomDetector } from '../../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';
import { AuditedCrud } from '../directory/audited-crud';
import { DetectorsRepository } from './detectors.repository';
import { RegexTestRunner } from './regex-test-runner';

type DetectorFields = Omit<CustomDetectorDef, 'id'> & { description?: string | null };

/**
 * Admin-defined detectors: keyword lists, name dictionaries and RE2 regular expressions. A pattern
 * RE2 rejects (backreferences, lookaround) or one too costly (CUSTOM_REGEX_LIMITS) is refused when
 * saved or tested, with the reason; regex tests run off the event loop (RegexTestRunner). They take
 * effect on the next publish, like the rest of the draft.
 */
@Injectable()
export class DetectorsService {
  readonly crud: AuditedCrud<CustomDetector>;
  readonly regexTests = new RegexTestRunner();

  constructor(
    transactions: Transactions,
    audit: AuditService,
    private readonly repo: DetectorsRepository,
  ) {
    this.crud = new AuditedCrud<CustomDetector>(transactions, audit, { type: 'CustomDetector', label: 'Detector', action: 'detector' }, repo.crud);
  }

  list(...args: Parameters<DetectorsRepository['list']>) {
    return this.repo.list(...args);
  }

  /** 400 naming each pattern RE2 rejects; 400 when the data class does not exist. */
  async validate(organizationId: string, def: DetectorFields): Promise<void> {
    const result = validateCustomDetector({ id: 'new', ...def });
    if (!result.ok) throw AppError.validation(result.errors, 'The detector is invalid');
    if (!(await this.repo.dataClassExists(organizationId, def.dataClass))) throw AppError.validation([{ path: 'dataClass', message: `"${def.dataClass}" is not a data class of this organization` }]);
  }

  create(organizationId: string, actor: Actor, input: DetectorFields) {
    return this.crud.create(organizationId, actor, input, () => this.validate(organizationId, input));
  }

  update(organizationId: string, actor: Actor, id: string, input: Partial<DetectorFields>) {
    return this.crud.update(organizationId, actor, id, input, (before) =>
      this.validate(organizationId, {
        name: input.name ?? before.name,
        kind: input.kind ?? before.kind,
        dataClass: input.dataClass ?? before.dataClass,
        patterns: input.patterns ?? before.patterns,
        caseSensitive: input.caseSensitive ?? before.caseSensitive,
        wholeWord: input.wholeWord ?? before.wholeWord,
        enabled: input.enabled ?? before.enabled,
      }),
    );
  }

  /** Runs a detector (a saved one or the one being edited) against sample text. */
  async test(organizationId: string, sample: string, def: DetectorFields | undefined, savedId?: string): Promise<DetectorTestOutput> {
    let detector: CustomDetectorDef;
    if (def) {
      const result = validateCustomDetector({ id: 'draft', ...def });
      if (!result.ok) throw AppError.validation(result.errors, 'The detector is invalid');
      detector = { id: 'draft', ...def };
    } else if (savedId) {
      const row = await this.crud.get(organizationId, savedId);
      detector = { id: row.id, name: row.name, kind: row.kind, dataClass: row.dataClass, patterns: row.patterns, caseSensitive: row.caseSensitive, wholeWord: row.wholeWord, enabled: true };
    } else {
      throw AppError.validation([{ path: 'detector', message: 'is required' }]);
    }
    const started = process.hrtime.bigint();
    // Regexes run in a worker with a deadline; keyword lists and dictionaries are linear (Aho-Corasick).
    const findings = detector.kind === 'regex' ? await this.regexTests.run(detector, sample) : testCustomDetector(detector, sample);
    return { findings, micros: Math.round(Number(process.hrtime.bigint() - started) / 1000) };
  }

  builtin(): readonly BuiltinDetectorOutput[] {
    return DETECTORS;
  }
}
