import { describe, expect, it } from '@jest/globals';
import { matchesSearch, mayUse, trainingStatement } from './tools-view';

const tool = (over: Partial<Parameters<typeof matchesSearch>[0]> = {}): Parameters<typeof matchesSearch>[0] => ({
  slug: 'deepseek',
  name: 'DeepSeek',
  vendor: 'Hangzhou DeepSeek Artificial Intelligence Co., Ltd.',
  domains: ['deepseek.com', '*.deepseek.com', 'chat.deepseek.com'],
  status: 'blocked',
  prompt: 'block',
  access: 'block',
  trainsOnInputs: 'opt_out',
  accountTraining: [],
  ...over,
});

describe('portal search', () => {
  it('matches name, vendor, catalog id and domains, whatever the case', () => {
    expect(matchesSearch(tool(), 'deepseek')).toBe(true);
    expect(matchesSearch(tool(), 'DEEPSEEK')).toBe(true);
    expect(matchesSearch(tool(), 'hangzhou')).toBe(true);
    expect(matchesSearch(tool({ name: 'Kimi', vendor: 'Moonshot AI', slug: 'moonshot-kimi', domains: ['kimi.com'] }), 'moonshot kimi')).toBe(true);
    expect(matchesSearch(tool({ name: 'Kimi', vendor: null, slug: 'moonshot-kimi', domains: ['kimi.moonshot.cn'] }), 'kimi.moonshot')).toBe(true);
    expect(matchesSearch(tool({ name: 'Le Chat', vendor: 'Mistral AI', slug: 'mistral-le-chat', domains: ['chat.mistral.ai'] }), 'chat.mistral.ai')).toBe(true);
    expect(matchesSearch(tool(), 'chatgpt')).toBe(false);
    expect(matchesSearch(tool(), '   ')).toBe(true);
  });

  it('lists as usable only approved or restricted services the policy lets this person prompt', () => {
    expect(mayUse(tool())).toBe(false);
    expect(mayUse(tool({ status: 'approved', prompt: 'allow', access: 'allow' }))).toBe(true);
    expect(mayUse(tool({ status: 'restricted', prompt: 'warn', access: 'allow' }))).toBe(true);
    expect(mayUse(tool({ status: 'approved', prompt: 'block', access: 'allow' }))).toBe(false);
    expect(mayUse(tool({ status: 'under_review', prompt: 'allow', access: 'allow' }))).toBe(false);
  });
});

describe('a card states training once', () => {
  it('uses the per-account facts when they differ, work accounts first', () => {
    const chatgpt = tool({
      trainsOnInputs: 'opt_out',
      accountTraining: [
        { kind: 'consumer', name: 'ChatGPT Free, Plus and Pro', trainsOnInputs: 'opt_out' },
        { kind: 'business', name: 'ChatGPT Business, Enterprise and Edu', trainsOnInputs: 'no' },
      ],
    });
    expect(trainingStatement(chatgpt)).toEqual({ kind: 'byAccount', accounts: [{ kind: 'business', trains: 'no' }, { kind: 'consumer', trains: 'opt_out' }] });
  });

  it("uses the service's own fact without per-account facts, with one account kind, or when all agree", () => {
    expect(trainingStatement(tool())).toEqual({ kind: 'single', trains: 'opt_out' });
    expect(trainingStatement(tool({ trainsOnInputs: 'yes', accountTraining: [{ kind: 'business', name: 'Teams', trainsOnInputs: 'no' }] }))).toEqual({ kind: 'single', trains: 'yes' });
    expect(
      trainingStatement(
        tool({
          trainsOnInputs: 'opt_out',
          accountTraining: [
            { kind: 'business', name: 'Work', trainsOnInputs: 'no' },
            { kind: 'api', name: 'API', trainsOnInputs: 'no' },
          ],
        }),
      ),
    ).toEqual({ kind: 'single', trains: 'no' });
  });
});
