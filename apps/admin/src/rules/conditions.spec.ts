import { describe, expect, it } from '@jest/globals';
import { addableKeys, blockOf, cleanConditions, freeSlots, newRow, rowsOf, slotOf, transformRule } from './conditions';

describe('the rule editor rows', () => {
  const block = { groups: ['legal'], dataClasses: ['health_data'], noneOf: { providerStatus: ['approved'], groups: ['interns'] }, zeroRetentionOffer: false };

  it('reads a block as rows in reading order, any-of before none-of, and writes it back', () => {
    const rows = rowsOf(block);
    expect(rows.map(slotOf)).toEqual(['any:dataClasses', 'none:providerStatus', 'any:groups', 'none:groups', 'is:zeroRetentionOffer']);
    expect(blockOf(rows)).toEqual(block);
  });

  it('keeps the order rows were added in', () => {
    expect(rowsOf(block, ['none:groups', 'is:zeroRetentionOffer']).map(slotOf)).toEqual(['none:groups', 'is:zeroRetentionOffer', 'any:dataClasses', 'none:providerStatus', 'any:groups']);
  });

  it('shows a row just added, before it has a value', () => {
    expect(rowsOf({ providers: [] }).map(slotOf)).toEqual(['any:providers']);
    expect(blockOf([{ kind: 'list', key: 'providers', op: 'none', values: [] }])).toEqual({ noneOf: { providers: [] } });
  });

  it('adds "is any of", then "is none of", then nothing for a field; a boolean once', () => {
    const first = newRow('providers', []);
    expect(first).toEqual({ kind: 'list', key: 'providers', op: 'any', values: [] });
    const second = newRow('providers', [first!]);
    expect(second).toEqual({ kind: 'list', key: 'providers', op: 'none', values: [] });
    expect(newRow('providers', [first!, second!])).toBeNull();
    expect(addableKeys([first!, second!])).not.toContain('providers');
    const yes = newRow('unknownAiDestination', []);
    expect(yes).toEqual({ kind: 'boolean', key: 'unknownAiDestination', value: true });
    expect(newRow('unknownAiDestination', [yes!])).toBeNull();
    expect(freeSlots([first!], first)).toContain('any:providers');
    expect(freeSlots([first!, second!], first)).not.toContain('none:providers');
  });

  it('saves without empty lists, an empty noneOf or an empty exception', () => {
    expect(cleanConditions({ providers: [], groups: ['legal'], noneOf: { channels: [] }, unknownAiDestination: null })).toEqual({ groups: ['legal'] });
    expect(cleanConditions({ noneOf: { channels: ['api'] } })).toEqual({ noneOf: { channels: ['api'] } });
    const out = transformRule({ id: 'x', ruleId: 'r', conditions: { dataClasses: ['health_data'], noneOf: { providerStatus: ['approved'] } }, exceptions: [{ groups: [] }, { groups: ['legal'] }], guidanceUrl: '' });
    expect(out).toEqual({ ruleId: 'r', conditions: { dataClasses: ['health_data'], noneOf: { providerStatus: ['approved'] } }, exceptions: [{ groups: ['legal'] }], guidanceUrl: null, description: null });
  });
});
