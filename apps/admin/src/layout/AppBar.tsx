import { Box, Chip, Tooltip, Typography } from '@mui/material';
import PolicyIcon from '@mui/icons-material/Policy';
import { AppBar as RaAppBar, LoadingIndicator, TitlePortal, ToggleThemeButton, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useIsSmall, useMe, usePermission, usePolicyStatus } from '../common/hooks';

/** The organization and the policy version in force, on every page. */
function PolicyVersionChip() {
  const t = useTranslate();
  const canPublish = usePermission('policy.publish');
  const { data } = usePolicyStatus();
  const small = useIsSmall();
  if (!data) return null;
  const label = data.version ? t('airlock.appBar.policyVersion', { number: data.version.number }) : t('airlock.appBar.noPolicy');
  const pending = data.draftChanged === true;
  const title = [
    data.version ? t('airlock.appBar.versionTooltip', { number: data.version.number, author: data.version.authorLabel, note: data.version.note }) : label,
    pending ? t('airlock.appBar.draftChanged') : '',
  ]
    .filter(Boolean)
    .join(' — ');
  const chip = (
    <Chip
      icon={<PolicyIcon fontSize="small" />}
      size="small"
      label={small ? `v${data.version?.number ?? '—'}${pending ? '*' : ''}` : `${label}${pending ? ` · ${t('airlock.appBar.unpublished')}` : ''}`}
      aria-label={title}
      sx={{ bgcolor: 'rgba(255,255,255,0.16)', color: 'inherit', '& .MuiChip-icon': { color: 'inherit' }, cursor: canPublish ? 'pointer' : 'default' }}
      {...(canPublish ? { component: Link, to: '/policy/publish', clickable: true } : {})}
    />
  );
  return <Tooltip title={title}>{chip}</Tooltip>;
}

export function AppBar() {
  const { data: me } = useMe();
  const small = useIsSmall();
  return (
    <RaAppBar
      toolbar={
        <>
          <ToggleThemeButton />
          <LoadingIndicator />
        </>
      }
    >
      <TitlePortal variant="h6" component="h1" />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mr: 1, minWidth: 0 }}>
        {me && !small ? (
          <Typography variant="body2" component="span" noWrap sx={{ maxWidth: 260, opacity: 0.95 }} data-testid="org-name">
            {me.organization.name}
          </Typography>
        ) : null}
        {me && me.permissions.includes('policy.read') ? <PolicyVersionChip /> : null}
      </Box>
    </RaAppBar>
  );
}
