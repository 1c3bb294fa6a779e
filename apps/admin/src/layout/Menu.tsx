import { Box, Divider, ListSubheader } from '@mui/material';
import DashboardIcon from '@mui/icons-material/Dashboard';
import SmartToyIcon from '@mui/icons-material/SmartToy';
import RuleIcon from '@mui/icons-material/Rule';
import PublishIcon from '@mui/icons-material/Publish';
import HistoryIcon from '@mui/icons-material/History';
import ScienceIcon from '@mui/icons-material/Science';
import InsightsIcon from '@mui/icons-material/Insights';
import LanIcon from '@mui/icons-material/Lan';
import GroupsIcon from '@mui/icons-material/Groups';
import CategoryIcon from '@mui/icons-material/Category';
import FindInPageIcon from '@mui/icons-material/FindInPage';
import ReportIcon from '@mui/icons-material/Report';
import PeopleIcon from '@mui/icons-material/People';
import KeyIcon from '@mui/icons-material/Key';
import WebhookIcon from '@mui/icons-material/Webhook';
import HubIcon from '@mui/icons-material/Hub';
import StreamIcon from '@mui/icons-material/Stream';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import SettingsIcon from '@mui/icons-material/Settings';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import HelpCenterIcon from '@mui/icons-material/HelpCenter';
import AddAlertIcon from '@mui/icons-material/AddAlert';
import AssignmentIcon from '@mui/icons-material/Assignment';
import TimelineIcon from '@mui/icons-material/Timeline';
import TravelExploreIcon from '@mui/icons-material/TravelExplore';
import type { ReactElement } from 'react';
import { Menu as RaMenu, usePermissions, useSidebarState, useTranslate } from 'react-admin';

interface Item {
  to: string;
  label: string;
  icon: ReactElement;
  permission: string;
}

interface Section {
  title: string;
  items: Item[];
}

export const ADMIN_SECTIONS: Section[] = [
  {
    title: 'airlock.menu.overview',
    items: [
      { to: '/', label: 'airlock.menu.dashboard', icon: <DashboardIcon />, permission: 'dashboard.read' },
      { to: '/activity', label: 'airlock.menu.activity', icon: <TimelineIcon />, permission: 'decisions.read' },
      { to: '/discovery', label: 'airlock.menu.discovery', icon: <TravelExploreIcon />, permission: 'discovery.read' },
    ],
  },
  {
    title: 'airlock.menu.catalog',
    items: [
      { to: '/providers', label: 'resources.providers.name', icon: <SmartToyIcon />, permission: 'catalog.read' },
      { to: '/catalog/updates', label: 'airlock.menu.catalogUpdates', icon: <HistoryIcon />, permission: 'catalog.read' },
      { to: '/activity/unknown-destinations', label: 'airlock.menu.unknownDestinations', icon: <TravelExploreIcon />, permission: 'decisions.read' },
      { to: '/tool-requests', label: 'resources.tool-requests.name', icon: <HowToRegIcon />, permission: 'toolRequests.read' },
    ],
  },
  {
    title: 'airlock.menu.policy',
    items: [
      { to: '/rules', label: 'resources.rules.name', icon: <RuleIcon />, permission: 'policy.read' },
      { to: '/policy/publish', label: 'airlock.menu.publish', icon: <PublishIcon />, permission: 'policy.read' },
      { to: '/policy-versions', label: 'resources.policy-versions.name', icon: <HistoryIcon />, permission: 'policy.read' },
      { to: '/exceptions', label: 'resources.exceptions.name', icon: <EventBusyIcon />, permission: 'exceptions.read' },
      { to: '/policy/simulator', label: 'airlock.menu.simulator', icon: <ScienceIcon />, permission: 'policy.simulate' },
      { to: '/policy/impact', label: 'airlock.menu.impact', icon: <InsightsIcon />, permission: 'policy.simulate' },
    ],
  },
  {
    title: 'airlock.menu.context',
    items: [
      { to: '/zones', label: 'resources.zones.name', icon: <LanIcon />, permission: 'zones.read' },
      { to: '/groups', label: 'resources.groups.name', icon: <GroupsIcon />, permission: 'groups.read' },
      { to: '/data-classes', label: 'resources.data-classes.name', icon: <CategoryIcon />, permission: 'dataClasses.read' },
      { to: '/detectors', label: 'resources.detectors.name', icon: <FindInPageIcon />, permission: 'detectors.read' },
    ],
  },
  {
    title: 'airlock.menu.response',
    items: [{ to: '/incidents', label: 'resources.incidents.name', icon: <ReportIcon />, permission: 'incidents.read' }],
  },
  {
    title: 'airlock.menu.administration',
    items: [
      { to: '/users', label: 'resources.users.name', icon: <PeopleIcon />, permission: 'users.read' },
      { to: '/api-clients', label: 'resources.api-clients.name', icon: <KeyIcon />, permission: 'apiClients.read' },
      { to: '/webhooks', label: 'resources.webhooks.name', icon: <WebhookIcon />, permission: 'webhooks.read' },
      { to: '/gateway/upstreams', label: 'resources.gateway/upstreams.name', icon: <HubIcon />, permission: 'gateway.read' },
      { to: '/siem/destinations', label: 'resources.siem/destinations.name', icon: <StreamIcon />, permission: 'siem.read' },
      { to: '/audit-events', label: 'resources.audit-events.name', icon: <ReceiptLongIcon />, permission: 'audit.read' },
      { to: '/settings/sso', label: 'airlock.menu.sso', icon: <VpnKeyIcon />, permission: 'settings.read' },
      { to: '/settings', label: 'airlock.menu.settings', icon: <SettingsIcon />, permission: 'settings.read' },
    ],
  },
];

export const PORTAL_SECTION: Section = {
  title: 'airlock.menu.portal',
  items: [
    { to: '/portal/tools', label: 'airlock.portal.tools.menu', icon: <HelpCenterIcon />, permission: 'portal' },
    { to: '/portal/report', label: 'airlock.portal.report.menu', icon: <AddAlertIcon />, permission: 'portal' },
    { to: '/portal/reports', label: 'airlock.portal.reports.menu', icon: <AssignmentIcon />, permission: 'portal' },
  ],
};

function Sections({ sections }: { sections: Section[] }) {
  const t = useTranslate();
  const [open] = useSidebarState();
  const { permissions } = usePermissions<string[]>();
  const visible = sections
    .map((s) => ({ ...s, items: s.items.filter((i) => permissions?.includes(i.permission)) }))
    .filter((s) => s.items.length > 0);
  // Inside react-admin's MenuList (role="menu"): each section is a labelled group of menu items.
  return (
    <>
      {visible.map((section, i) => (
        <Box key={section.title} role="group" aria-label={t(section.title)}>
          {i > 0 ? <Divider component="div" role="separator" sx={{ my: 0.5 }} /> : null}
          {open ? (
            <ListSubheader component="div" aria-hidden disableSticky sx={{ lineHeight: '28px', fontSize: 12, bgcolor: 'transparent', color: 'text.secondary' }}>
              {t(section.title)}
            </ListSubheader>
          ) : null}
          {section.items.map((item) => (
            <RaMenu.Item key={item.to} to={item.to} primaryText={t(item.label, { smart_count: 2 })} leftIcon={item.icon} dense />
          ))}
        </Box>
      ))}
    </>
  );
}

/** Staff menu: sections shown by permission, then the portal for everyone. */
export function AdminMenu() {
  const t = useTranslate();
  return (
    <nav aria-label={t('airlock.menu.label')}>
      <RaMenu hasDashboard={false}>
        <Sections sections={[...ADMIN_SECTIONS, PORTAL_SECTION]} />
      </RaMenu>
    </nav>
  );
}

export function PortalMenu() {
  const t = useTranslate();
  return (
    <nav aria-label={t('airlock.menu.label')}>
      <RaMenu hasDashboard={false}>
        <Sections sections={[PORTAL_SECTION]} />
      </RaMenu>
    </nav>
  );
}
