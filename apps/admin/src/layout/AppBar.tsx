import { Box, Chip, Tooltip, Typography } from '@mui/material';
import PolicyIcon from '@mui/icons-material/Policy';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import SecurityIcon from '@mui/icons-material/Security';
import { AppBar as RaAppBar, LoadingIndicator, Logout, MenuItemLink, TitlePortal, ToggleThemeButton, UserMenu, useTranslate, useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';
import { useIsSmall, useMe, usePermission, usePolicyStatus } from '../common/hooks';
import { GlobalSearch } from './GlobalSearch';

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
      sx={{ bgcolor: 'rgba(255,255,255,0.16)', color: 'inherit', '& .MuiChip-icon': { color: 'inherit' }, cursor: canPublish ? 'pointer' : 'default' }}
      {...(canPublish ? { component: Link, to: '/policy/publish', clickable: true } : {})}
    />
  );
  return (
    <Tooltip title={title} describeChild>
      {chip}
    </Tooltip>
  );
}

/** "My account" in the user menu; closes the menu as it navigates. */
function AccountMenuItem() {
  const t = useTranslate();
  const menu = useUserMenu();
  return <MenuItemLink to="/account" primaryText={t('airlock.account.menu')} leftIcon={<ManageAccountsIcon />} onClick={() => menu?.onClose()} />;
}

/** The user's own sign-in factors (authenticator app, passkeys, recovery codes). */
function AccountSecurityItem() {
  const t = useTranslate();
  const menu = useUserMenu();
  return <MenuItemLink to="/account/security" primaryText={t('airlock.mfa.menu')} leftIcon={<SecurityIcon />} onClick={() => menu?.onClose()} />;
}

export function AppBar() {
  const { data: me } = useMe();
  const small = useIsSmall();
  const t = useTranslate();
  return (
    <RaAppBar
      // The button shows the user's name: its accessible name must contain it (WCAG 2.5.3).
      userMenu={
        <UserMenu label={me ? t('airlock.appBar.userMenu', { name: me.user.name || me.user.email }) : 'ra.auth.user_menu'}>
          <AccountMenuItem />
          <AccountSecurityItem />
          <Logout />
        </UserMenu>
      }
      toolbar={
        <>
          <ToggleThemeButton />
          {/* The spinner shown while loading needs a name (axe: aria-progressbar-name). */}
          <LoadingIndicator {...({ 'aria-label': t('ra.page.loading') } as object)} />
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
        {me && me.permissions.includes('search') ? <GlobalSearch /> : null}
        {me && me.permissions.includes('policy.read') ? <PolicyVersionChip /> : null}
      </Box>
    </RaAppBar>
  );
}
