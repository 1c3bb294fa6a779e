import { computeRiskScore, RISK_POINTS, type RiskAttributes } from './risk-score';

const low: RiskAttributes = {
  hqCountry: 'US',
  dataCountries: ['US'],
  trainsOnInputs: 'no',
  zeroRetentionOffer: true,
  retentionDays: 30,
  collects: ['prompts', 'files'],
  sharesWith: ['service providers'],
  certifications: [],
};

describe('computeRiskScore', () => {
  it.each<[string, Partial<RiskAttributes>, string | null, number]>([
    ['baseline: nothing risky', {}, null, 0],
    ['HQ in a restricted jurisdiction', { hqCountry: 'CN' }, 'restricted_hq', RISK_POINTS.restrictedHq],
    ['HQ lowercase', { hqCountry: 'cn' }, 'restricted_hq', RISK_POINTS.restrictedHq],
    ['data stored in a restricted jurisdiction', { dataCountries: ['SG', 'CN'] }, 'restricted_storage', RISK_POINTS.restrictedStorage],
    ['trains on inputs', { trainsOnInputs: 'yes' }, 'trains_on_inputs', RISK_POINTS.trainsYes],
    ['trains unless opted out', { trainsOnInputs: 'opt_out' }, 'trains_on_inputs', RISK_POINTS.trainsOptOut],
    ['no zero-retention offer', { zeroRetentionOffer: false }, 'no_zero_retention', RISK_POINTS.noZeroRetention],
    ['retention unknown', { retentionDays: null }, 'retention', RISK_POINTS.retentionUnknown],
    ['retention over a year', { retentionDays: 1825 }, 'retention', RISK_POINTS.retentionOverYear],
    ['retention over a month', { retentionDays: 90 }, 'retention', RISK_POINTS.retentionOverMonth],
    ['retention a year exactly', { retentionDays: 365 }, 'retention', RISK_POINTS.retentionOverMonth],
    ['keystroke patterns', { collects: ['Keystroke patterns'] }, 'collects_keystrokes', RISK_POINTS.keystrokes],
    ['device identifiers', { collects: ['device_identifiers'] }, 'collects_device_ids', RISK_POINTS.deviceIds],
    ['data from advertisers', { collects: ['advertiser_data'] }, 'collects_advertiser_data', RISK_POINTS.advertiserData],
    ['shares with its corporate group', { sharesWith: ['Alibaba Group affiliates'] }, 'shares_corporate_group', RISK_POINTS.sharesCorporateGroup],
    ['shares with advertisers', { sharesWith: ['advertising and analytics providers'] }, 'shares_advertisers', RISK_POINTS.sharesAdvertisers],
  ])('%s', (_name, change, factor, points) => {
    const result = computeRiskScore({ ...low, ...change });
    expect(result.score).toBe(points);
    expect(result.factors.map((f) => f.id)).toEqual(factor === null ? [] : [factor]);
    for (const f of result.factors) expect(f.explanation).toMatch(/^[A-Z].*\.$/);
  });

  it('certifications lower the score, never below 0', () => {
    const risky = { ...low, trainsOnInputs: 'yes' as const };
    expect(computeRiskScore({ ...risky, certifications: ['SOC 2 Type II'] }).score).toBe(RISK_POINTS.trainsYes + RISK_POINTS.soc2);
    expect(computeRiskScore({ ...risky, certifications: ['ISO/IEC 27001', 'SOC 2 Type II'] }).score).toBe(
      RISK_POINTS.trainsYes + RISK_POINTS.soc2 + RISK_POINTS.iso27001,
    );
    expect(computeRiskScore({ ...risky, certifications: ['ISO/IEC 27018'] }).factors.map((f) => f.id)).toEqual(['trains_on_inputs']);
    expect(computeRiskScore({ ...low, certifications: ['SOC 2', 'ISO 27001'] }).score).toBe(0);
  });

  it('tops out at 100 for a provider with every risk', () => {
    const worst = computeRiskScore({
      hqCountry: 'CN',
      dataCountries: ['CN'],
      trainsOnInputs: 'yes',
      zeroRetentionOffer: false,
      retentionDays: null,
      collects: ['keystroke_patterns', 'device_identifiers', 'advertiser_data'],
      sharesWith: ['corporate group', 'advertisers'],
    });
    expect(worst.score).toBe(100);
    expect(worst.factors.reduce((s, f) => s + f.points, 0)).toBeGreaterThan(100);
  });

  it('uses the restricted jurisdictions from the settings', () => {
    expect(computeRiskScore({ ...low, hqCountry: 'RU' }).score).toBe(0);
    expect(computeRiskScore({ ...low, hqCountry: 'RU' }, { restrictedJurisdictions: ['RU'] }).score).toBe(RISK_POINTS.restrictedHq);
  });

  it('is deterministic', () => {
    const attrs: RiskAttributes = { ...low, hqCountry: 'CN', collects: ['device_identifiers'], retentionDays: null };
    expect(computeRiskScore(attrs)).toEqual(computeRiskScore(attrs));
  });
});
