import { Box, Card, CardContent, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { activityLink, type ActivityFilters, serviceFilter } from '../activity/filters';
import { useTranslate } from 'react-admin';
import { useApi } from '../common/hooks';
import type { OverrideRatesOutput } from '@airlock/contracts/types';

type Rate = OverrideRatesOutput['totals'];
type OverrideRates = OverrideRatesOutput;

function RateTable({ label, rows }: { label: string; rows: { key: string; name: string; r: Rate; to: string }[] }) {
  const t = useTranslate();
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>{label}</TableCell>
          <TableCell align="right">{t('airlock.overrides.warned')}</TableCell>
          <TableCell align="right">{t('airlock.overrides.overridden')}</TableCell>
          <TableCell align="right">{t('airlock.overrides.rate')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(({ key, name, r, to }) => (
          <TableRow key={key}>
            <TableCell>
              <MuiLink component={Link} to={to}>
                {name}
              </MuiLink>
            </TableCell>
            <TableCell align="right">{r.warned.toLocaleString()}</TableCell>
            <TableCell align="right">{r.overridden.toLocaleString()}</TableCell>
            <TableCell align="right">{`${Math.round(r.rate * 100)} %`}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The dashboard card: how often people continue past a warning with a reason, per service and group. */
export function OverrideRatesCard({ query, range }: { query: string; range: ActivityFilters }) {
  const t = useTranslate();
  const { data } = useApi<OverrideRates>(`/api/dashboard/overrides?${query}`, { placeholderData: (prev) => prev });
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('airlock.overrides.title')}
          {data && data.totals.warned > 0 ? ` — ${Math.round(data.totals.rate * 100)} %` : ''}
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {t('airlock.overrides.explain')}
        </Typography>
        {!data || data.totals.warned === 0 ? (
          <Typography variant="body2">{t('airlock.overrides.none')}</Typography>
        ) : (
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
            <RateTable label={t('airlock.overrides.service')} rows={data.byService.map((s) => ({ key: s.slug, name: s.name, r: s, to: activityLink({ ...range, effect: 'warn', ...serviceFilter(s.slug) }) }))} />
            <RateTable label={t('airlock.overrides.group')} rows={data.byGroup.map((g) => ({ key: g.group, name: g.group, r: g, to: activityLink({ ...range, effect: 'warn', group: g.group }) }))} />
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
