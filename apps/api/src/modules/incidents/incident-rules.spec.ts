import { csvCell, toCsv } from './incidents-csv';
import { suggestSeverity } from './incident-severity';
import { closureProblem, transitionProblem, TRANSITIONS } from './incident-workflow';
import { deadlineFlags, notificationDeadline } from './notification-deadline';
import { remediationChecklist } from './remediation-checklist';

const NOW = new Date('2026-11-29T12:00:00Z');
const H = 3_600_000;

describe('status workflow', () => {
  it.each([
    ['new', 'triaged'],
    ['new', 'closed'],
    ['new', 'resolved'],
    ['triaged', 'contained'],
    ['investigating', 'resolved'],
    ['contained', 'investigating'],
    ['resolved', 'investigating'],
    ['resolved', 'closed'],
  ] as const)('allows %s -> %s', (from, to) => expect(transitionProblem(from, to)).toBeNull());

  it.each([
    ['triaged', 'new'],
    ['investigating', 'triaged'],
    ['resolved', 'contained'],
    ['closed', 'investigating'],
    ['closed', 'new'],
    ['contained', 'new'],
  ] as const)('refuses %s -> %s with a sentence naming the allowed moves', (from, to) => {
    const p = transitionProblem(from, to);
    expect(p).toMatch(new RegExp(`"${to}"`));
    if (from !== 'closed') for (const allowed of TRANSITIONS[from]) expect(p).toContain(`"${allowed}"`);
  });

  it('closing needs a reason; risk_accepted a future date; duplicate a target', () => {
    const none = { closureReason: null, riskAcceptedUntil: null, duplicateOfId: null };
    expect(closureProblem(none, NOW)?.path).toBe('closureReason');
    expect(closureProblem({ ...none, closureReason: 'remediated' }, NOW)).toBeNull();
    expect(closureProblem({ ...none, closureReason: 'false_positive' }, NOW)).toBeNull();
    expect(closureProblem({ ...none, closureReason: 'risk_accepted' }, NOW)?.path).toBe('riskAcceptedUntil');
    expect(
      closureProblem({ ...none, closureReason: 'risk_accepted', riskAcceptedUntil: new Date(NOW.getTime() - 1) }, NOW)?.message,
    ).toMatch(/future/);
    expect(closureProblem({ ...none, closureReason: 'risk_accepted', riskAcceptedUntil: new Date(NOW.getTime() + H) }, NOW)).toBeNull();
    expect(closureProblem({ ...none, closureReason: 'duplicate' }, NOW)?.path).toBe('duplicateOfId');
    expect(closureProblem({ ...none, closureReason: 'duplicate', duplicateOfId: 'x' }, NOW)).toBeNull();
  });
});

describe('suggested severity', () => {
  const approvedLow = { status: 'approved' as const, riskScore: 10 };
  const reviewMid = { status: 'under_review' as const, riskScore: 40 };
  const risky = { status: 'under_review' as const, riskScore: 60 };
  const blocked = { status: 'blocked' as const, riskScore: 20 };
  it.each([
    [['credentials'], reviewMid, 'high'],
    [['credentials'], risky, 'critical'],
    [['credentials'], blocked, 'critical'],
    [['credentials'], null, 'critical'],
    [['credentials'], approvedLow, 'medium'],
    [['health_data'], reviewMid, 'high'],
    [['government_id'], { status: 'restricted' as const, riskScore: 59 }, 'high'],
    [['personal_data'], reviewMid, 'medium'],
    [['personal_data'], risky, 'high'],
    [['personal_data'], approvedLow, 'low'],
    [['client_information', 'personal_data'], reviewMid, 'medium'],
    [['creative_work'], reviewMid, 'low'],
    [['creative_work'], approvedLow, 'low'],
    [[], null, 'medium'],
    [[], reviewMid, 'low'],
    [['my_custom_class'], reviewMid, 'low'],
    [['source_code', 'credentials'], reviewMid, 'high'],
  ] as const)('%j with %j -> %s', (classes, provider, expected) => {
    expect(suggestSeverity(classes, provider).severity).toBe(expected);
  });
});

describe('72-hour notification deadline', () => {
  it('starts only for personal data classes, at awareAt + 72 h', () => {
    const aware = new Date('2026-11-01T08:00:00Z');
    expect(notificationDeadline(['source_code', 'credentials'], aware)).toBeNull();
    for (const c of ['personal_data', 'health_data', 'government_id', 'financial', 'client_information']) {
      expect(notificationDeadline([c], aware)?.toISOString()).toBe('2026-11-04T08:00:00.000Z');
    }
  });
  it('is overdue once passed while open, due soon inside 24 h, neither when resolved', () => {
    const at = (hoursFromNow: number) => new Date(NOW.getTime() + hoursFromNow * H);
    expect(deadlineFlags({ notificationDeadline: at(-1), status: 'investigating' }, NOW)).toEqual({ overdue: true, dueSoon: false });
    expect(deadlineFlags({ notificationDeadline: at(23), status: 'new' }, NOW)).toEqual({ overdue: false, dueSoon: true });
    expect(deadlineFlags({ notificationDeadline: at(25), status: 'new' }, NOW)).toEqual({ overdue: false, dueSoon: false });
    expect(deadlineFlags({ notificationDeadline: at(-1), status: 'resolved' }, NOW)).toEqual({ overdue: false, dueSoon: false });
    expect(deadlineFlags({ notificationDeadline: at(-1), status: 'closed' }, NOW)).toEqual({ overdue: false, dueSoon: false });
    expect(deadlineFlags({ notificationDeadline: null, status: 'new' }, NOW)).toEqual({ overdue: false, dueSoon: false });
  });
});

describe('remediation checklist', () => {
  const deepseek = { name: 'DeepSeek', website: 'https://www.deepseek.com', zeroRetentionOffer: false, trainsOnInputs: 'opt_out' as const };
  const api = { name: 'OpenAI API', website: 'https://platform.openai.com', zeroRetentionOffer: true, trainsOnInputs: 'no' as const };
  it('covers a leaked credential in a chat service that keeps and trains on data', () => {
    const items = remediationChecklist({ dataClasses: ['credentials'], provider: deepseek, providerOther: null });
    expect(items.map((i) => i.key)).toEqual([
      'rotate_credentials',
      'delete_chat_history',
      'request_provider_deletion',
      'check_training_settings',
    ]);
    expect(items[1]!.label).toBe('Delete the chat history in DeepSeek');
    expect(items[1]!.detail).toContain('https://www.deepseek.com');
  });
  it('skips the deletion request and training check for a zero-retention, no-training service', () => {
    const items = remediationChecklist({ dataClasses: ['client_information'], provider: api, providerOther: null });
    expect(items.map((i) => i.key)).toEqual(['delete_chat_history', 'assess_regulator_notification', 'inform_client']);
  });
  it('names an "other" service and asks it to delete the data', () => {
    const items = remediationChecklist({ dataClasses: ['health_data'], provider: null, providerOther: 'Some Bot' });
    expect(items.map((i) => i.key)).toEqual(['delete_chat_history', 'request_provider_deletion', 'assess_regulator_notification']);
    expect(items[0]!.label).toBe('Delete the chat history in Some Bot');
  });
});

describe('CSV export', () => {
  it('quotes, doubles quotes, and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(
      toCsv([
        ['a', 'b'],
        [1, 'x,y'],
      ]),
    ).toBe('a,b\r\n1,"x,y"\r\n');
  });
});
