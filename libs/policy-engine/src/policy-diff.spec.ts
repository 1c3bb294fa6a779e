import { diffPolicies } from './policy-diff';
import type { PolicyRule } from './types';

const base: PolicyRule = {
  id: 'r1',
  priority: 10,
  enabled: true,
  when: { dataClasses: ['personal_data'] },
  unless: [{ providerStatus: ['approved'] }],
  effect: 'redact',
  message: 'm',
};

describe('diffPolicies', () => {
  it('reports added and removed rules by id', () => {
    const r2 = { ...base, id: 'r2' };
    const r3 = { ...base, id: 'r3' };
    expect(diffPolicies([base, r2], [base, r3])).toEqual({ added: [r3], removed: [r2], changed: [] });
  });

  it.each<[string, Partial<PolicyRule>, { path: string; before: unknown; after: unknown }[]]>([
    ['effect', { effect: 'block' }, [{ path: 'effect', before: 'redact', after: 'block' }]],
    ['enabled', { enabled: false }, [{ path: 'enabled', before: true, after: false }]],
    ['a list condition, whole', { when: { dataClasses: ['personal_data', 'health_data'] } }, [{ path: 'when.dataClasses', before: ['personal_data'], after: ['personal_data', 'health_data'] }]],
    ['a condition added', { when: { dataClasses: ['personal_data'], actions: ['upload'] } }, [{ path: 'when.actions', before: undefined, after: ['upload'] }]],
    ['an exception changed', { unless: [{ providerStatus: ['approved', 'restricted'] }] }, [{ path: 'unless[0].providerStatus', before: ['approved'], after: ['approved', 'restricted'] }]],
    ['an exception added', { unless: [{ providerStatus: ['approved'] }, { groups: ['legal'] }] }, [{ path: 'unless[1]', before: undefined, after: { groups: ['legal'] } }]],
    ['exceptions removed', { unless: undefined }, [{ path: 'unless', before: [{ providerStatus: ['approved'] }], after: undefined }]],
    ['optional field added', { guidanceUrl: 'https://x.example' }, [{ path: 'guidanceUrl', before: undefined, after: 'https://x.example' }]],
    [
      'several fields, in reading order',
      { message: 'new', priority: 5, effect: 'block' },
      [
        { path: 'priority', before: 10, after: 5 },
        { path: 'effect', before: 'redact', after: 'block' },
        { path: 'message', before: 'm', after: 'new' },
      ],
    ],
  ])('change: %s', (_name, change, fields) => {
    expect(diffPolicies([base], [{ ...base, ...change }])).toEqual({ added: [], removed: [], changed: [{ id: 'r1', fields }] });
  });

  it('sees no change in key order or in an undefined member', () => {
    const reordered: PolicyRule = { message: 'm', effect: 'redact', unless: [{ providerStatus: ['approved'] }], when: { dataClasses: ['personal_data'] }, enabled: true, priority: 10, id: 'r1', description: undefined };
    expect(diffPolicies([base], [reordered])).toEqual({ added: [], removed: [], changed: [] });
  });
});
