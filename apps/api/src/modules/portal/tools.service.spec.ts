import { accountTraining, alternativesTo } from './tools.service';

const svc = (slug: string, status: 'approved' | 'restricted' | 'under_review' | 'blocked', channels: string[]) => ({ slug, name: slug, status, prompt: 'allow' as const, access: 'allow' as const, channels });

describe('portal tools: alternatives and training facts', () => {
  it('offers at most three usable services, approved before restricted, then those sharing channels', () => {
    const blocked = svc('deepseek', 'blocked', ['web', 'mobile', 'api']);
    const usable = [svc('ide-tool', 'approved', ['ide']), svc('api-only', 'approved', ['api']), svc('chat', 'approved', ['web', 'mobile']), svc('restricted-chat', 'restricted', ['web', 'mobile', 'api']), svc('deepseek', 'approved', ['web'])];
    expect(alternativesTo(blocked, usable)).toEqual(['chat', 'api-only', 'ide-tool']);
    expect(alternativesTo(blocked, [])).toEqual([]);
  });

  it('keeps only the per-account facts that state a known kind and training value', () => {
    expect(accountTraining(null)).toEqual([]);
    expect(
      accountTraining([
        { kind: 'consumer', name: 'Free', trainsOnInputs: 'opt_out' },
        { kind: 'business', name: 'Teams', trainsOnInputs: 'no' },
        { kind: 'business', name: 'Unknown' },
        { kind: 'reseller', name: 'X', trainsOnInputs: 'no' },
        { kind: 'api', trainsOnInputs: 'yes' },
      ]),
    ).toEqual([
      { kind: 'consumer', name: 'Free', trainsOnInputs: 'opt_out' },
      { kind: 'business', name: 'Teams', trainsOnInputs: 'no' },
      { kind: 'api', name: '', trainsOnInputs: 'yes' },
    ]);
  });
});
