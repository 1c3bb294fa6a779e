import { lazy } from 'react';
import { Admin, Authenticated, CustomRoutes, Resource, usePermissions } from 'react-admin';
import { Navigate, Route } from 'react-router-dom';
import { dataProvider } from './api/dataProvider';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import { AcceptInvitePage, ResetPasswordPage } from './auth/PasswordPages';
import { isPortalOnly } from './auth/permissions';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { darkTheme, lightTheme } from './theme';
import providers from './providers';
import rules from './rules';
import { zones, groups, dataClasses } from './context/simple';
import detectors from './detectors';
import apiClients from './apiClients';
import users from './admin/users';
import AccountPage from './admin/sessions';
import audit from './audit';
import toolRequests from './admin/toolRequests';
import webhooks from './admin/webhooks';
import gatewayUpstreams from './admin/gateway';
import siemDestinations from './admin/siem';
import versions from './policy/Versions';
import incidents from './incidents';
import exceptions from './exceptions';

// Heavy or rarely visited pages load on demand (recharts only ships with the dashboard).
const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const PublishPage = lazy(() => import('./policy/PublishPage'));
const SimulatorPage = lazy(() => import('./policy/SimulatorPage'));
const ImpactPage = lazy(() => import('./policy/ImpactPage'));
const SettingsPage = lazy(() => import('./settings/SettingsPage'));
const SsoPage = lazy(() => import('./settings/SsoPage'));
const SsoTestPage = lazy(() => import('./settings/SsoTestPage'));
const CatalogUpdatesPage = lazy(() => import('./providers/CatalogUpdatesPage'));
const ToolsPage = lazy(() => import('./portal/ToolsPage'));
const ReportPage = lazy(() => import('./portal/ReportPage'));
const ReportsPage = lazy(() => import('./portal/ReportsPage'));
const StatusPage = lazy(() => import('./portal/StatusPage'));
const SecurityPage = lazy(() => import('./account/SecurityPage'));
const ActivityPage = lazy(() => import('./activity/ActivityPage'));
const UnknownDestinationsPage = lazy(() => import('./activity/UnknownDestinationsPage'));
const DiscoveryPage = lazy(() => import('./discovery/DiscoveryPage'));

/** Staff land on the dashboard; employees (portal only) on their portal. */
function Home() {
  const { permissions, isPending } = usePermissions<string[]>();
  if (isPending || !permissions?.length) return null;
  if (isPortalOnly(permissions)) return <Navigate to="/portal/tools" replace />;
  if (!permissions?.includes('dashboard.read')) return <Navigate to="/portal/tools" replace />;
  return <Dashboard />;
}

export function App() {
  return (
    <Admin
      title="Airlock"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      layout={Layout}
      dashboard={Home}
      theme={lightTheme}
      darkTheme={darkTheme}

      disableTelemetry
    >
      <Resource name="providers" {...providers} />
      <Resource name="rules" {...rules} />
      <Resource name="policy-versions" {...versions} />
      <Resource name="exceptions" {...exceptions} />
      <Resource name="zones" {...zones} />
      <Resource name="groups" {...groups} />
      <Resource name="data-classes" {...dataClasses} />
      <Resource name="detectors" {...detectors} />
      <Resource name="incidents" {...incidents} />
      <Resource name="tool-requests" {...toolRequests} />
      <Resource name="users" {...users} />
      <Resource name="api-clients" {...apiClients} />
      <Resource name="webhooks" {...webhooks} />
      <Resource name="gateway/upstreams" {...gatewayUpstreams} />
      <Resource name="siem/destinations" {...siemDestinations} />
      <Resource name="audit-events" {...audit} />
      <CustomRoutes>
        <Route path="/activity" element={<Authenticated><ActivityPage /></Authenticated>} />
        <Route path="/activity/unknown-destinations" element={<Authenticated><UnknownDestinationsPage /></Authenticated>} />
        <Route path="/discovery" element={<Authenticated><DiscoveryPage /></Authenticated>} />
        <Route path="/policy/publish" element={<Authenticated><PublishPage /></Authenticated>} />
        <Route path="/policy/simulator" element={<Authenticated><SimulatorPage /></Authenticated>} />
        <Route path="/policy/impact" element={<Authenticated><ImpactPage /></Authenticated>} />
        <Route path="/settings" element={<Authenticated><SettingsPage /></Authenticated>} />
        <Route path="/settings/sso" element={<Authenticated><SsoPage /></Authenticated>} />
        <Route path="/sso-test" element={<Authenticated><SsoTestPage /></Authenticated>} />
        <Route path="/catalog/updates" element={<Authenticated><CatalogUpdatesPage /></Authenticated>} />
        <Route path="/account/security" element={<Authenticated><SecurityPage /></Authenticated>} />
        <Route path="/portal/tools" element={<Authenticated><ToolsPage /></Authenticated>} />
        <Route path="/portal/report" element={<Authenticated><ReportPage /></Authenticated>} />
        <Route path="/portal/reports" element={<Authenticated><ReportsPage /></Authenticated>} />
        <Route path="/account" element={<Authenticated><AccountPage /></Authenticated>} />
      </CustomRoutes>
      <CustomRoutes noLayout>
        <Route path="/accept-invite" element={<AcceptInvitePage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/status" element={<StatusPage />} />
      </CustomRoutes>
    </Admin>
  );
}
